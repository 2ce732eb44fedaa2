//! The JSON shape `protokoll parse FILE --json` prints (the shared
//! CONTRACT.md): the file name, the meeting's header fields under
//! `meeting`, and the items beside it.

use serde::Serialize;

use crate::{AgendaItem, Meeting, Person};

/// A borrowed view of a [`Meeting`] that serialises in the contract's shape.
#[derive(Debug, Serialize)]
pub struct ContractView<'a> {
    pub source: &'a str,
    pub meeting: MeetingHeader<'a>,
    pub items: &'a [AgendaItem],
}

/// The meeting's header fields, without its items.
#[derive(Debug, Serialize)]
pub struct MeetingHeader<'a> {
    pub kind: Option<&'a str>,
    pub body: Option<&'a str>,
    pub date: Option<&'a str>,
    pub time: Option<&'a str>,
    pub place: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub chair: Option<&'a str>,
    pub secretary: Option<&'a str>,
    pub present: &'a [Person],
    pub absent: &'a [Person],
}

impl<'a> ContractView<'a> {
    pub fn new(m: &'a Meeting) -> Self {
        ContractView {
            source: &m.source,
            meeting: MeetingHeader {
                kind: m.kind.as_deref(),
                body: m.body.as_deref(),
                date: m.date.as_deref(),
                time: m.time.as_deref(),
                place: m.place.as_deref(),
                reference: m.reference.as_deref(),
                chair: m.chair.as_deref(),
                secretary: m.secretary.as_deref(),
                present: &m.present,
                absent: &m.absent,
            },
            items: &m.items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_shape() {
        let m = Meeting {
            source: "a.txt".into(),
            date: Some("2020-04-03".into()),
            items: vec![AgendaItem {
                ordinal: 1,
                title: "Incheckning".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let v = serde_json::to_value(ContractView::new(&m)).unwrap();
        assert_eq!(v["source"], "a.txt");
        assert_eq!(v["meeting"]["date"], "2020-04-03");
        assert_eq!(v["meeting"]["chair"], serde_json::Value::Null);
        assert_eq!(v["items"][0]["title"], "Incheckning");
        assert!(v["meeting"].get("items").is_none());
    }
}
