"""``pimask reveal``: restore values written by the ``encrypt`` operator, for key holders.

Default mode reads text and decrypts every ``<enc:ENTITY:KEY_ID:…>`` token in place
(everything else passes through byte for byte). ``--values --entity E`` reads one bare
ciphertext per line (a column written with ``marker: false``). The key comes from
``PIMASK_KEY`` / ``PIMASK_KEY_FILE`` like for encryption; tokens name the key id they need.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "reveal",
        help="decrypt values protected by the encrypt operator (needs the key)",
        description=(
            "Decrypt <enc:ENTITY:KEY_ID:...> tokens in text, or with --values one bare "
            "ciphertext per line. Keys come from PIMASK_KEY or PIMASK_KEY_FILE."
        ),
    )
    parser.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="default: stdin")
    parser.add_argument("-o", "--output", metavar="OUT", default="-", help="default: stdout")
    parser.add_argument(
        "--values", action="store_true", help="each line is one bare ciphertext (marker: false)"
    )
    parser.add_argument("--entity", metavar="E", help="entity of the bare values (with --values)")
    parser.add_argument("--key-id", metavar="K", help="key id of bare values (default: current)")
    parser.add_argument(
        "--unverified",
        action="store_true",
        help="decrypt values that carry no key check (bare --values, tokens written before "
        "pimask added the check): a wrong key then prints wrong values undetected",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pimask.cli.common import (
        decode_line,
        encode_line,
        open_input,
        open_output,
        stdout_buffer,
    )
    from pimask.errors import ConfigError, InputError
    from pimask.keys import load_keys
    from pimask.operators import reveal_text, reveal_value

    if args.values and not args.entity:
        raise ConfigError("--values needs --entity (the tweak and alphabet depend on it)")
    if args.values and not args.unverified:
        raise ConfigError(
            "--values: bare ciphertexts have no room for a key check, so a wrong key would "
            "print wrong values without notice; pass --unverified if you are sure of the key"
        )
    keys = load_keys()
    if args.key_id:
        keys.get(args.key_id)  # unknown id → ConfigError before any output
    out = stdout_buffer() if args.output == "-" else open_output(args.output)
    try:
        for name in args.files or ["-"]:
            with open_input(name) as stream:
                for number, raw in enumerate(stream, start=1):
                    line = decode_line(raw)
                    if not args.values:
                        try:
                            plain_line = reveal_text(line, keys, unverified=args.unverified)[0]
                        except ConfigError as exc:
                            raise ConfigError(f"{name}:{number}: {exc}") from None
                        out.write(encode_line(plain_line))
                        continue
                    body = line.rstrip("\r\n")
                    ending = line[len(body) :]
                    if not body:
                        out.write(encode_line(line))
                        continue
                    plain = reveal_value(body, args.entity, keys, args.key_id)
                    if plain is None:
                        raise InputError(f"{name}:{number}: not a ciphertext of {args.entity}")
                    out.write(encode_line(plain + ending))
        out.flush()
    finally:
        if args.output != "-":
            out.close()
    return 0
