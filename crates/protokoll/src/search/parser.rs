//! The query language, read forgivingly.
//!
//! ```text
//! psykisk hälsa          both words (documents with only one still come, lower)
//! "ordnat införande"     a phrase
//! -covid  NOT covid      without the word (also -"a phrase", -(a b))
//! budget OR ekonomi      either word (binds tighter than the implicit AND)
//! (a OR b) c             grouping
//! budg*                  every indexed word starting with "budg" (bounded)
//! ```
//!
//! Nothing a user types is a syntax error: an unclosed quote runs to the end,
//! an unclosed parenthesis closes at the end, a stray `)`, a lone `-`, `*`
//! or `OR` is ignored, and groups nested deeper than [`MAX_DEPTH`] are
//! flattened (without recursion, so no input can exhaust the stack). Only a
//! query too large to answer quickly is refused, with [`Error::Query`]:
//! more than [`MAX_TERMS`] words or more than [`MAX_QUERY_BYTES`] bytes.
//! Parsing is linear in the length of the query.

use crate::{Error, Result};

/// The most words (including the words of phrases) one query may hold.
pub const MAX_TERMS: usize = 64;
/// The longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Parentheses nested deeper than this are ignored.
pub const MAX_DEPTH: usize = 8;

/// One part of a query and whether it is excluded (`-`, `NOT`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub node: Node,
}

/// What a clause asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// A word as typed (it may still analyse into several tokens: "hab/rehab").
    Word(String),
    /// The words of a quoted phrase.
    Phrase(String),
    /// A prefix, typed with a trailing `*`, without the `*`.
    Prefix(String),
    /// Any of the alternatives.
    Or(Vec<Node>),
    /// All of the clauses (a parenthesised group).
    Group(Vec<Clause>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Lex {
    Word(String, bool),
    Phrase(String, bool),
    Open(bool),
    Close,
    Or,
    Not,
}

const QUOTES: [char; 6] = ['"', '“', '”', '„', '«', '»'];

fn lex(text: &str) -> Vec<Lex> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        // A leading '-' negates what it is attached to; '+' means nothing
        // more than the implicit AND.
        let mut negated = false;
        let mut start = i;
        let mut c = c;
        while c == '-' || c == '+' {
            negated |= c == '-';
            chars.next();
            match chars.peek() {
                Some(&(j, d)) if !d.is_whitespace() => {
                    start = j;
                    c = d;
                }
                _ => {
                    // A lone operator.
                    negated = false;
                    c = ' ';
                    break;
                }
            }
        }
        if c == ' ' {
            continue;
        }
        if QUOTES.contains(&c) {
            chars.next();
            let from = start + c.len_utf8();
            let mut to = text.len();
            for (j, d) in chars.by_ref() {
                if QUOTES.contains(&d) {
                    to = j;
                    break;
                }
            }
            out.push(Lex::Phrase(text[from..to].to_string(), negated));
        } else if c == '(' {
            chars.next();
            out.push(Lex::Open(negated));
        } else if c == ')' {
            chars.next();
            out.push(Lex::Close);
        } else {
            let mut end = text.len();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_whitespace() || d == '(' || d == ')' || QUOTES.contains(&d) {
                    end = j;
                    break;
                }
                chars.next();
            }
            let word = &text[start..end];
            match (word, negated) {
                ("OR" | "|" | "||", false) => out.push(Lex::Or),
                ("AND" | "&&" | "&", false) => {}
                ("NOT", false) => out.push(Lex::Not),
                _ => out.push(Lex::Word(word.to_string(), negated)),
            }
        }
    }
    out
}

/// Parses `text` into clauses; see the module documentation for the language.
pub fn parse(text: &str) -> Result<Vec<Clause>> {
    if text.len() > MAX_QUERY_BYTES {
        return Err(Error::Query {
            query: text.chars().take(40).collect::<String>() + "...",
            message: format!(
                "{} bytes is longer than the {MAX_QUERY_BYTES} a query may have",
                text.len()
            ),
        });
    }
    let lexed = lex(text);
    let words: usize = lexed
        .iter()
        .map(|l| match l {
            Lex::Word(..) => 1,
            Lex::Phrase(p, _) => p.split_whitespace().count(),
            _ => 0,
        })
        .sum();
    if words > MAX_TERMS {
        return Err(Error::Query {
            query: text.chars().take(40).collect::<String>() + "...",
            message: format!("{words} words are more than the {MAX_TERMS} a query may have"),
        });
    }
    let mut p = Parser {
        lexed,
        at: 0,
        ignored_opens: 0,
    };
    Ok(p.sequence())
}

struct Parser {
    lexed: Vec<Lex>,
    at: usize,
    /// Opening parentheses beyond MAX_DEPTH, whose closing ones are skipped.
    ignored_opens: usize,
}

impl Parser {
    /// Parses clauses until the end, using an explicit stack of open groups.
    fn sequence(&mut self) -> Vec<Clause> {
        // Each frame: the clauses so far, whether the group is negated, and
        // whether an OR waits for its right-hand side.
        struct Frame {
            clauses: Vec<Clause>,
            negated: bool,
            pending_or: bool,
            pending_not: bool,
        }
        let new = |negated| Frame {
            clauses: Vec::new(),
            negated,
            pending_or: false,
            pending_not: false,
        };
        let mut stack: Vec<Frame> = vec![new(false)];
        loop {
            let lex = self.lexed.get(self.at).cloned();
            self.at += 1;
            let top = stack.len() - 1;
            let clause = match lex {
                None => {
                    // Close every group left open.
                    while stack.len() > 1 {
                        let f = stack.pop().unwrap_or_else(|| new(false));
                        let c = group(f.clauses, f.negated);
                        if let Some(c) = c {
                            let top = stack.len() - 1;
                            push(&mut stack[top], c);
                        }
                    }
                    return stack.pop().map(|f| f.clauses).unwrap_or_default();
                }
                Some(Lex::Or) => {
                    stack[top].pending_or = !stack[top].clauses.is_empty();
                    continue;
                }
                Some(Lex::Not) => {
                    stack[top].pending_not = true;
                    continue;
                }
                Some(Lex::Open(neg)) => {
                    let neg = neg | std::mem::take(&mut stack[top].pending_not);
                    if stack.len() > MAX_DEPTH {
                        self.ignored_opens += 1;
                    } else {
                        // An OR waiting on this frame stays armed: the
                        // group joins the previous clause when it closes.
                        stack.push(new(neg));
                    }
                    continue;
                }
                Some(Lex::Close) => {
                    if self.ignored_opens > 0 {
                        self.ignored_opens -= 1;
                        continue;
                    }
                    if stack.len() == 1 {
                        continue; // a stray ')'
                    }
                    let f = stack.pop().unwrap_or_else(|| new(false));
                    match group(f.clauses, f.negated) {
                        Some(c) => c,
                        None => continue,
                    }
                }
                Some(Lex::Word(w, neg)) => {
                    let neg = neg | std::mem::take(&mut stack[top].pending_not);
                    match word(&w) {
                        Some(node) => Clause { negated: neg, node },
                        None => continue,
                    }
                }
                Some(Lex::Phrase(p, neg)) => {
                    let neg = neg | std::mem::take(&mut stack[top].pending_not);
                    if p.trim().is_empty() {
                        continue;
                    }
                    Clause {
                        negated: neg,
                        node: Node::Phrase(p),
                    }
                }
            };
            let top = stack.len() - 1;
            push(&mut stack[top], clause);
        }

        fn push(f: &mut Frame, c: Clause) {
            if std::mem::take(&mut f.pending_or) && !c.negated {
                if let Some(last) = f.clauses.last_mut().filter(|l| !l.negated) {
                    let left = std::mem::replace(&mut last.node, Node::Or(Vec::new()));
                    let mut alts = match left {
                        Node::Or(alts) => alts,
                        other => vec![other],
                    };
                    alts.push(c.node);
                    last.node = Node::Or(alts);
                    return;
                }
            }
            f.clauses.push(c);
        }
    }
}

/// A group's clauses as one clause (a one-clause group is that clause).
fn group(mut clauses: Vec<Clause>, negated: bool) -> Option<Clause> {
    match clauses.len() {
        0 => None,
        1 if !negated => clauses.pop(),
        _ => Some(Clause {
            negated,
            node: Node::Group(clauses),
        }),
    }
}

/// A typed word as a node: `budg*` is a prefix, a word of only `*` nothing.
fn word(w: &str) -> Option<Node> {
    let stripped = w.trim_end_matches('*');
    if stripped.is_empty() {
        return None;
    }
    if stripped.len() < w.len() && stripped.chars().any(char::is_alphanumeric) {
        Some(Node::Prefix(stripped.to_string()))
    } else {
        Some(Node::Word(stripped.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders clauses compactly: words bare, phrases quoted, prefixes with
    /// `*`, `-` for negation, `(a|b)` for OR, `[a b]` for groups.
    fn show(clauses: &[Clause]) -> String {
        fn node(n: &Node) -> String {
            match n {
                Node::Word(w) => w.clone(),
                Node::Phrase(p) => format!("\"{p}\""),
                Node::Prefix(p) => format!("{p}*"),
                Node::Or(alts) => {
                    format!("({})", alts.iter().map(node).collect::<Vec<_>>().join("|"))
                }
                Node::Group(cs) => format!("[{}]", show(cs)),
            }
        }
        clauses
            .iter()
            .map(|c| format!("{}{}", if c.negated { "-" } else { "" }, node(&c.node)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn check(input: &str, expected: &str) {
        assert_eq!(show(&parse(input).unwrap()), expected, "{input:?}");
    }

    #[test]
    fn words_phrases_and_operators() {
        check("psykisk hälsa", "psykisk hälsa");
        check("\"ordnat införande\" beslut", "\"ordnat införande\" beslut");
        check("budget -covid NOT vaccin", "budget -covid -vaccin");
        check("budget OR ekonomi beslut", "(budget|ekonomi) beslut");
        check("a OR b OR c", "(a|b|c)");
        check("budg* ekonomi", "budg* ekonomi");
        check("-\"psykisk hälsa\" -(a b)", "-\"psykisk hälsa\" -[a b]");
        check("(a OR b) c", "(a|b) c");
        check("x OR (a b)", "(x|[a b])");
        check("hab/rehab", "hab/rehab");
        check("„citat” här", "\"citat\" här");
    }

    #[test]
    fn broken_syntax_is_read_forgivingly() {
        check("\"ordnat införande", "\"ordnat införande\"");
        check("(a b", "[a b]");
        check("a b)", "a b");
        check("OR a OR", "a");
        check("- a", "a");
        check("a - b", "a b");
        check("*", "");
        check("a* **", "a*");
        check("\"\"", "");
        check("()", "");
        check("NOT", "");
        check("((((((((((((a b))))))))))))", "[a b]");
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = "(".repeat(2000) + "a" + &")".repeat(2000);
        check(&deep, "a");
        let open = "(".repeat(4000);
        check(&open, "");
    }

    #[test]
    fn huge_queries_are_refused_with_a_reason() {
        let many = "ord ".repeat(1000);
        let err = parse(&many).unwrap_err().to_string();
        assert!(err.contains("words"), "{err}");
        let long = "x".repeat(MAX_QUERY_BYTES + 1);
        assert!(parse(&long).is_err());
    }
}
