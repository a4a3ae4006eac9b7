"""Adapters that run pimask inside other systems (logging, Spark, ...).

Each adapter imports its heavy dependency lazily, so `import pimask` never pays for it.
"""
