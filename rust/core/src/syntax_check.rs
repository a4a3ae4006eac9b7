//! Which regexes both engines run with the same meaning, and in linear time.
//!
//! A recognizer or allowlist pattern is run by the native core (regex-automata: no
//! look-around, no back-references, linear time) and by the Python reference (`re`). This
//! check refuses, at load time, every construct that either engine cannot run or that the
//! two read differently, with a reason that says what to write instead.

use regex_syntax::ast::{self, parse::Parser, Ast, Visitor};

/// None when `pattern` is in the common subset, else why not.
pub fn regex_problem(pattern: &str) -> Option<String> {
    let ast = match Parser::new().parse(pattern) {
        Ok(ast) => ast,
        Err(error) => return Some(explain_parse_error(&error)),
    };
    ast::visit(&ast, Check).err()
}

fn explain_parse_error(error: &ast::Error) -> String {
    use ast::ErrorKind as K;
    match error.kind() {
        K::UnsupportedLookAround => {
            "look-around is not supported (patterns run in linear time); use a `boundary:` kind"
                .into()
        }
        K::UnsupportedBackreference => {
            "back-references are not supported (patterns run in linear time)".into()
        }
        kind => format!("does not compile: {kind}"),
    }
}

struct Check;

impl Visitor for Check {
    type Output = ();
    type Err = String;

    fn finish(self) -> Result<(), String> {
        Ok(())
    }

    fn visit_pre(&mut self, ast: &Ast) -> Result<(), String> {
        match ast {
            Ast::Assertion(assertion) => Err(match assertion.kind {
                ast::AssertionKind::WordBoundary
                | ast::AssertionKind::NotWordBoundary
                | ast::AssertionKind::WordBoundaryStart
                | ast::AssertionKind::WordBoundaryEnd
                | ast::AssertionKind::WordBoundaryStartAngle
                | ast::AssertionKind::WordBoundaryEndAngle
                | ast::AssertionKind::WordBoundaryStartHalf
                | ast::AssertionKind::WordBoundaryEndHalf => {
                    "\\b word boundaries fail next to 汉字 and differ between engines; use a \
                     `boundary:` kind"
                        .to_string()
                }
                _ => "anchors (^, $, \\A, \\z) are not supported; patterns match anywhere in a \
                      line, use a `boundary:` kind"
                    .to_string(),
            }),
            Ast::ClassPerl(_) => Err(perl_class()),
            Ast::ClassUnicode(_) => Err(
                "\\p{…} classes are not supported by Python's re; list the ranges ([\\u4e00-\\u9fff])"
                    .into(),
            ),
            Ast::Flags(flags) => check_flags(&flags.flags),
            Ast::Group(group) => match &group.kind {
                ast::GroupKind::NonCapturing(flags) => check_flags(flags),
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    fn visit_class_set_item_pre(&mut self, item: &ast::ClassSetItem) -> Result<(), String> {
        match item {
            ast::ClassSetItem::Perl(_) => Err(perl_class()),
            ast::ClassSetItem::Ascii(_) => Err(
                "POSIX classes ([[:alpha:]]) mean literal characters in Python's re; write the \
                 ASCII class ([A-Za-z])"
                    .into(),
            ),
            ast::ClassSetItem::Unicode(_) => Err(
                "\\p{…} classes are not supported by Python's re; list the ranges ([\\u4e00-\\u9fff])"
                    .into(),
            ),
            ast::ClassSetItem::Bracketed(_) => Err(
                "nested classes ([a[b]]) mean different things in the two engines; write one class"
                    .into(),
            ),
            _ => Ok(()),
        }
    }

    fn visit_class_set_binary_op_pre(&mut self, _op: &ast::ClassSetBinaryOp) -> Result<(), String> {
        Err("class set operations (&&, --, ~~) are not supported by Python's re".into())
    }
}

fn perl_class() -> String {
    "\\d, \\w and \\s mean different things in the two engines (Unicode tables differ); write \
     the ASCII class ([0-9], [A-Za-z0-9_], [ \\t])"
        .into()
}

fn check_flags(flags: &ast::Flags) -> Result<(), String> {
    for item in &flags.items {
        if let ast::FlagsItemKind::Flag(flag) = &item.kind {
            match flag {
                ast::Flag::CaseInsensitive | ast::Flag::DotMatchesNewLine => {}
                ast::Flag::IgnoreWhitespace => {}
                _ => {
                    return Err(
                        "only the i, s and x inline flags are supported (set ignore_case: true \
                         instead of (?i) where you can)"
                            .into(),
                    )
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_common_subset() {
        for ok in [
            "1[3-9][0-9]{9}",
            "(?:ab|cd)+",
            "[\\u4e00-\\u9fff]{2,4}",
            "(?i:mac)[0-9a-f]{12}",
            "a.b",
            "(?P<x>a)",
            "\\.",
        ] {
            assert_eq!(regex_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn refuses_what_differs() {
        for (bad, word) in [
            ("(?<![0-9])1", "look-around"),
            ("(a)\\1", "back-references"),
            ("\\d{11}", "\\d"),
            ("[\\w.]+", "\\d"),
            ("\\bfoo\\b", "boundary"),
            ("^foo", "anchors"),
            ("[[:alpha:]]", "POSIX"),
            ("[a-z&&[^x]]", "set operations"),
            ("[a[b]]", "nested"),
            ("\\p{Han}", "\\p"),
            ("(?u)a", "flags"),
        ] {
            let problem = regex_problem(bad).unwrap_or_default();
            assert!(problem.contains(word), "{bad}: {problem}");
        }
    }
}
