//! Every example in the "Why" of issue 3 (Swedish text analysis), as a test:
//! each one the stock Snowball chain gets wrong and a Swedish reader expects
//! to work.

use std::collections::HashSet;

use protokoll::analysis::{analyze, fold, stem, AnalyzedToken, Side};

fn terms(tokens: &[AnalyzedToken]) -> HashSet<&str> {
    tokens.iter().map(|t| t.text.as_str()).collect()
}

/// The query finds the text: each query position's whole-word term is among
/// the text's terms, or a one-word query's parts all are.
fn check_finds(query: &str, text: &str) {
    let q = analyze(query, Side::Query);
    let d = analyze(text, Side::Index);
    let have = terms(&d);
    let firsts: Vec<&AnalyzedToken> = q
        .iter()
        .enumerate()
        .filter(|(i, t)| *i == 0 || q[i - 1].position != t.position)
        .map(|(_, t)| t)
        .collect();
    let whole = firsts.iter().all(|t| have.contains(t.text.as_str()));
    let parts: Vec<&str> = q
        .iter()
        .filter(|t| !firsts.iter().any(|f| std::ptr::eq(*f, *t)))
        .map(|t| t.text.as_str())
        .collect();
    let by_parts = firsts.len() == 1 && !parts.is_empty() && parts.iter().all(|p| have.contains(p));
    assert!(
        whole || by_parts,
        "query {query:?} does not find {text:?}:\n  query {:?}\n  text  {:?}",
        q.iter().map(|t| &t.text).collect::<Vec<_>>(),
        d.iter().map(|t| &t.text).collect::<Vec<_>>()
    );
}

/// Both directions: two forms of one word.
fn check_same_word(a: &str, b: &str) {
    assert_eq!(stem(a), stem(b), "{a} and {b}");
    check_finds(a, b);
    check_finds(b, a);
}

#[test]
fn definite_and_inflected_forms_meet() {
    check_same_word("protokoll", "protokollet");
    check_same_word("ärende", "ärendet");
    check_same_word("möte", "mötena");
    check_same_word("hälsa", "hälsan");
    check_same_word("ledarpar", "ledarparet");
    check_same_word("utskrivningsklar", "utskrivningsklara");
    check_same_word("gemensam", "gemensamma");
}

#[test]
fn derivations_meet() {
    check_same_word("rekrytering", "rekrytera");
    check_same_word("förlängning", "förlänga");
}

#[test]
fn irregular_plurals_meet() {
    check_same_word("medel", "medlen");
    check_same_word("ledamot", "ledamöter");
    check_same_word("ansökan", "ansökningar");
}

#[test]
fn compounds_show_their_parts() {
    check_finds("sjukvård", "hemsjukvård");
    check_finds("team", "vaccinationsteamet");
    check_finds("ensamhetsstrategi", "Ensamhets strategi");
    check_finds("Ensamhets strategi", "ensamhetsstrategi");
}

#[test]
fn suspended_hyphens_are_completed() {
    let text = "Uppföljning av integrerad missbruks- och beroendemottagning";
    check_finds("missbruksmottagning", text);
    check_finds("beroendemottagning", text);
    let text = "Sammanhållen barn- och ungdomshälsa";
    check_finds("barnhälsa", text);
    check_finds("ungdomshälsa", text);
    let text = "barn-, ungdoms- och vuxenpsykiatri";
    check_finds("barnpsykiatri", text);
    check_finds("ungdomspsykiatri", text);
    check_finds("vuxenpsykiatri", text);
    check_finds("hälsovård", "hälso- och sjukvård");
    check_finds("missbruksvård", "missbruks- eller beroendevård");
    check_finds("barnmottagning", "barn- samt vuxenmottagning");
    // The expansion sits at the position of the suspended word.
    let tokens = analyze("missbruks- och beroendemottagning", Side::Index);
    let first = &tokens[0];
    assert!(tokens.iter().any(|t| t.position == first.position
        && t.text == analyze("missbruksmottagning", Side::Query)[0].text));
}

#[test]
fn spaced_numbers_join() {
    check_finds("5 162 844 kr", "budgeten därför lagd till 5 162 844 kr.");
    check_finds("5162844", "lagd till 5 162 844 kr");
    check_finds(
        "1760585",
        "fakturerar kommunförbundet Region Kalmar län 1 760 585: -",
    );
    let tokens = analyze("1 760 585", Side::Index);
    assert_eq!(tokens.len(), 1);
    assert_eq!(
        (tokens[0].text.as_str(), tokens[0].from, tokens[0].to),
        ("1760585", 0, 9)
    );
    // Decimal commas and ISO dates stay whole.
    assert_eq!(analyze("6,4 mnkr", Side::Index)[0].text, "6,4");
    assert_eq!(analyze("2024-12-31", Side::Index)[0].text, "2024-12-31");
}

#[test]
fn codes_give_whole_form_and_parts() {
    check_finds("Covid-19", "vaccination av covid-19");
    check_finds("covid", "Uppföljning Covid-19");
    check_finds("IT-attack", "under vårens IT-attack genom");
    check_finds("attack", "IT-attack");
    check_finds("hab/rehab", "Framtidens hab/rehab är Nära");
    check_finds("rehab", "hab/rehab");
    check_finds("hab", "hab/rehab");
}

#[test]
fn folding_serves_queries_without_swedish_letters() {
    assert_eq!(fold("hemgångsteamet"), "hemgangsteamet");
    assert_eq!(fold("arbetssätt"), "arbetssatt");
    // The folded chain gives the typed-without-å/ä/ö query the written word's terms.
    for (typed, written) in [
        (
            "hemgangsteamet",
            "Nybro kommun gör förändrade arbetsätt inom hemgångsteamet.",
        ),
        (
            "fallpreventivt arbetssatt",
            "Stepping on – fallpreventivt arbetssätt",
        ),
    ] {
        let have: HashSet<String> = analyze(written, Side::Folded)
            .into_iter()
            .map(|t| t.text)
            .collect();
        for word in typed.split(' ') {
            let first = &analyze(word, Side::Folded)[0].text;
            assert!(have.contains(first), "{word:?} ({first:?}) not in {have:?}");
        }
    }
}

#[test]
fn no_invented_splits() {
    for word in [
        "beslut",
        "förslag",
        "avtal",
        "kostnad",
        "ordförande",
        "verksamhet",
        "region",
    ] {
        let tokens = analyze(word, Side::Index);
        assert_eq!(tokens.len(), 1, "{word}: {tokens:?}");
    }
}

#[test]
fn nfc_and_case() {
    // å written as a + combining ring, as PDF text often has it.
    check_same_word("Ha\u{308}lsan", "hälsa");
    assert_eq!(analyze("ÄRENDET", Side::Index)[0].text, stem("ärende"));
}
