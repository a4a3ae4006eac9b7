//! CJK e-mail local parts (issue 16 part M): the label glued before the name is cut off the
//! match (`labels` in `email.yaml`), never a piece of the name; the reference engine's
//! `scanner.label_cut` gives the same spans (tests/test_native.py checks both on generated
//! text).

use pimask_core::engine::Engine;
use pimask_core::plan::Plan;
use pimask_core::validators::Date;
use pimask_core::view::View;

const TODAY: Date = Date {
    year: 2026,
    month: 12,
    day: 6,
};

/// `(entity, text of the span)` of every finding of `line` at the default threshold.
fn found(engine: &Engine, line: &str) -> Vec<(String, String)> {
    let view = View::new(line.as_bytes());
    let chars: Vec<char> = line.chars().collect();
    engine
        .scan_view(&view, 5000, TODAY)
        .into_iter()
        .map(|f| {
            let text: String = chars[f.start..f.end].iter().collect();
            (f.entity().to_owned(), text)
        })
        .collect()
}

fn email(value: &str) -> Vec<(String, String)> {
    vec![("EMAIL".to_owned(), value.to_owned())]
}

#[test]
fn glued_labels_are_cut_off_and_the_name_is_kept_whole() {
    let engine = Engine::new(&Plan::builtin()).expect("the built-in plan compiles");
    assert_eq!(found(&engine, "张三@例子.中国"), email("张三@例子.中国"));
    assert_eq!(
        found(&engine, "邮箱张三@例子.中国"),
        email("张三@例子.中国")
    );
    assert_eq!(
        found(&engine, "请发邮件给张三@例子.中国"),
        email("张三@例子.中国")
    );
    assert_eq!(
        found(&engine, "联系人：李四@公司.cn"),
        email("李四@公司.cn")
    );
    assert_eq!(
        found(&engine, "請寄給陳大文＠例子．香港"),
        email("陳大文＠例子．香港")
    );
    // a word not in the list is masked with the name; one character always stays
    assert_eq!(
        found(&engine, "谢谢王小明@example.com"),
        email("谢谢王小明@example.com")
    );
    assert_eq!(
        found(&engine, "联系邮箱@例子.中国"),
        email("邮箱@例子.中国")
    );
}

#[test]
fn mentions_and_prices_are_not_addresses() {
    let engine = Engine::new(&Plan::builtin()).expect("the built-in plan compiles");
    for line in [
        "回复@张三：好的",
        "@张三 你看一下",
        "张三@我",
        "价格@100元",
        "张三@例子",
    ] {
        assert_eq!(found(&engine, line), Vec::new(), "{line}");
    }
}
