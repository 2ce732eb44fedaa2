//! The meeting model: what a minutes file means once it is parsed.
//!
//! These types are the contract between the parser, the index and the
//! command-line tool, and their JSON form is the one `protokoll parse --json`
//! prints (see `CONTRACT.md` in the shared folder). Field names and the
//! lowercase outcome names are therefore stable.

use serde::{Deserialize, Serialize};

/// One meeting: its header metadata and its agenda items in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// The file name the meeting was read from (no directories).
    pub source: String,
    /// What the document calls itself: "Protokoll", "Sammanträdesprotokoll",
    /// "Mötesanteckningar", "Minnesanteckningar", ...
    pub kind: Option<String>,
    /// The group or committee that met.
    pub body: Option<String>,
    /// The meeting date as ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// The meeting time as `HH:MM-HH:MM` (or `HH:MM` when only a start is given).
    pub time: Option<String>,
    pub place: Option<String>,
    /// The diarienummer.
    pub reference: Option<String>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub present: Vec<Person>,
    pub absent: Vec<Person>,
    pub items: Vec<AgendaItem>,
}

/// A person named in the minutes, with what follows the name ("Region
/// Kronoberg", "förvaltningschef ..., Ronneby kommun") as the affiliation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub affiliation: Option<String>,
}

/// One agenda item (a numbered point, a `§`, or an unnumbered heading).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// 1-based position of the item in the document.
    pub ordinal: u32,
    /// The number as written ("2", "§ 23"), or `None` for an unnumbered heading.
    pub number: Option<String>,
    pub title: String,
    pub presenters: Vec<String>,
    pub sections: Vec<Section>,
    /// The item's body text with page furniture and attendee lists removed.
    pub text: String,
    pub decisions: Vec<Decision>,
}

/// A sub-heading inside an agenda item ("Tvärgrupp Äldre").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub presenters: Vec<String>,
}

/// One decision taken under an agenda item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub text: String,
    pub outcome: Outcome,
    /// The sub-heading the decision belongs to, if it stands under one.
    pub subject: Option<String>,
}

/// What a decision did to the matter it concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Approved, granted, endorsed, adopted ("godkänner", "beviljas", "ställer sig bakom").
    Approved,
    /// Rejected or refused ("avslås", "avslag").
    Rejected,
    /// Postponed or tabled ("skjuts upp", "bordläggs").
    Postponed,
    /// Noted and filed ("läggs till handlingarna", "noterar").
    Noted,
    /// A decision whose outcome is none of the above (an assignment, an appointment).
    Other,
}

impl Outcome {
    /// Every outcome, in the order they are documented.
    pub const ALL: [Outcome; 5] = [
        Outcome::Approved,
        Outcome::Rejected,
        Outcome::Postponed,
        Outcome::Noted,
        Outcome::Other,
    ];

    /// The lowercase name used in JSON, in the index and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Rejected => "rejected",
            Outcome::Postponed => "postponed",
            Outcome::Noted => "noted",
            Outcome::Other => "other",
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Outcome {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Outcome::ALL
            .into_iter()
            .find(|o| o.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| crate::Error::InvalidArgument {
                message: format!(
                    "unknown outcome {s:?}: use approved, rejected, postponed, noted or other"
                ),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_round_trips_through_its_name() {
        for o in Outcome::ALL {
            assert_eq!(o.as_str().parse::<Outcome>().unwrap(), o);
            assert_eq!(serde_json::to_string(&o).unwrap(), format!("\"{o}\""));
        }
        assert!("godkänd".parse::<Outcome>().is_err());
    }
}
