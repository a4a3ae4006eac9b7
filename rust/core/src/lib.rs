//! pimask's scanning engine, without Python.
//!
//! A [`plan::Plan`] (recognizers, context words, reference tables; written by the Python
//! package from the recognizer YAML files) is compiled once into an immutable
//! [`engine::Engine`], which then finds, validates, scores, resolves and masks personal
//! information in blocks of lines. The pure-Python reference engine of the `pimask` package is
//! the executable specification: every function here mirrors a Python function named in
//! its doc comment, and the test suites compare the two.

pub mod boundaries;
pub mod checksums;
pub mod context;
pub mod engine;
pub mod masks;
pub mod overlap;
pub mod person_address;
pub mod plan;
pub mod pychars;
pub mod shape;
pub mod syntax_check;
pub mod validators;
pub mod view;
