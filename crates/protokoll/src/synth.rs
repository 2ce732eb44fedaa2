//! Synthetic minutes: realistic corpora of any size for benchmarks and tests.
//!
//! Real archives cannot be shipped, so the benchmarks build their corpora here.
//! Each synthetic meeting is first drawn as a [`Meeting`] (header, items,
//! decisions) and then written out as text in one of the four layouts of the
//! seed files ([`Layout`]): Kronoberg notes with numbered items and
//! "Beslut:", Blekinge "§" protocols with "att"-clauses, Kalmar protocols with
//! decision sub-headings, and Värmland notes with a tabbed header and
//! unnumbered headings. Paragraphs and titles come from a [`Pool`] of real
//! Swedish prose (Riksdag interpellations, see `scripts/build_pool.py`), so the
//! vocabulary, word lengths and compounds look like the real thing.
//!
//! Everything is deterministic by seed: the same seed and pool give the same
//! corpus byte for byte, on every machine, so a benchmark figure can be
//! reproduced. The random numbers come from a small SplitMix64 generator of
//! our own rather than the `rand` crate: we need reproducibility, not quality,
//! and a generator we own cannot change its stream under a dependency bump.
//!
//! The [`Meeting`] that was drawn is returned alongside the text, so a test
//! can also use a synthetic file as a (loose) parser fixture.

use std::path::Path;
use std::sync::LazyLock;

use crate::{AgendaItem, Decision, Error, Meeting, Outcome, Person, Result, Section};

/// The committed pool, built by `scripts/build_pool.py`.
const BUNDLED_PARAGRAPHS: &str = include_str!("../../../testdata/pool/paragraphs.txt");
const BUNDLED_TITLES: &str = include_str!("../../../testdata/pool/titles.txt");

static BUNDLED: LazyLock<Pool> = LazyLock::new(|| {
    Pool::from_lines(BUNDLED_PARAGRAPHS, BUNDLED_TITLES).expect("the bundled pool is not empty")
});

/// Real Swedish paragraphs and short titles to fill minutes skeletons with.
#[derive(Clone, Debug)]
pub struct Pool {
    paragraphs: Vec<String>,
    titles: Vec<String>,
}

impl Pool {
    /// The pool committed in `testdata/pool/` (about 7,000 paragraphs and
    /// 6,800 titles), compiled into the library.
    pub fn bundled() -> &'static Pool {
        &BUNDLED
    }

    /// A pool from two texts with one paragraph (title) per line.
    pub fn from_lines(paragraphs: &str, titles: &str) -> Result<Pool> {
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        };
        Pool::new(lines(paragraphs), lines(titles))
    }

    /// A pool from a directory holding `paragraphs.txt` and `titles.txt`, as
    /// written by `scripts/build_pool.py --out DIR`.
    pub fn from_dir(dir: &Path) -> Result<Pool> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| Error::io(path, e))
        };
        Pool::from_lines(&read("paragraphs.txt")?, &read("titles.txt")?)
    }

    /// A pool from an uncompressed JSON-lines corpus with `title` and `text`
    /// fields (`zcat interpellations.jsonl.gz > interpellations.jsonl`).
    /// Every prose line of 120 to 700 characters becomes a paragraph and the
    /// topic of every title (12 to 90 characters) a title; this is cruder
    /// than the script's cleaning but keeps the whole vocabulary.
    pub fn from_jsonl(path: &Path) -> Result<Pool> {
        #[derive(serde::Deserialize)]
        struct Doc {
            #[serde(default)]
            title: String,
            #[serde(default)]
            text: String,
        }
        let data = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let (mut paragraphs, mut titles) = (Vec::new(), Vec::new());
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let doc: Doc = serde_json::from_str(line).map_err(|e| Error::InvalidArgument {
                message: format!("{}:{}: not a JSON object: {e}", path.display(), n + 1),
            })?;
            for p in doc.text.lines() {
                let p = p.replace('\u{ad}', "");
                let p = p.trim();
                let chars = p.chars().count();
                if (120..=700).contains(&chars)
                    && p.starts_with(char::is_uppercase)
                    && p.ends_with(['.', '?', '!'])
                {
                    paragraphs.push(p.to_string());
                }
            }
            if let Some(t) = interpellation_topic(&doc.title) {
                titles.push(t);
            }
        }
        Pool::new(paragraphs, titles)
    }

    fn new(paragraphs: Vec<String>, titles: Vec<String>) -> Result<Pool> {
        if paragraphs.is_empty() || titles.is_empty() {
            return Err(Error::InvalidArgument {
                message: "the text pool needs at least one paragraph and one title".into(),
            });
        }
        Ok(Pool { paragraphs, titles })
    }

    /// How many paragraphs the pool holds.
    pub fn paragraphs(&self) -> usize {
        self.paragraphs.len()
    }

    /// How many titles the pool holds.
    pub fn titles(&self) -> usize {
        self.titles.len()
    }
}

/// The topic of an interpellation title, as `scripts/build_pool.py` takes
/// it: "1994/95:1 av Per Gahrton (mp) till statsministern om en rättvis
/// EU-omröstning" gives "En rättvis EU-omröstning", and "Interpellation
/// 2013/14:328 Jernhusen och målen av Lars Johansson (S) till statsrådet …"
/// gives "Jernhusen och målen". Other titles are kept when short.
fn interpellation_topic(raw: &str) -> Option<String> {
    let raw = raw.replace('\u{ad}', "");
    let raw = raw.trim();
    let rest = raw.strip_prefix("Interpellation ").unwrap_or(raw);
    let topic = match rest.split_once(' ') {
        // "1994/95:1 ..." : the document number, then the title proper.
        Some((number, rest)) if number.contains('/') && number.contains(':') => {
            if let Some(after_author) = rest.strip_prefix("av ") {
                let to = after_author.find(" till ")?;
                let om = after_author[to..].find(" om ")?;
                &after_author[to + om + 4..]
            } else {
                let party = rest.find(") till ")?;
                let by = rest[..party].rfind(" av ")?;
                &rest[..by]
            }
        }
        _ => rest,
    };
    let topic = topic.trim().trim_end_matches('.');
    if !(12..=90).contains(&topic.chars().count()) {
        return None;
    }
    Some(capitalize(topic))
}

/// The four shapes of minutes in the seed files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// "MÖTESANTECKNINGAR", `Tid:`/`Plats:`/`Närvarande:` header, items
    /// numbered "1.", "Föredragande:" lines and "Beslut:" paragraphs.
    Kronoberg,
    /// "Sammanträdesprotokoll" with an Ärendeförteckning, `§ 22` items and
    /// decisions as "… beslutar" followed by "att …" clauses.
    Blekinge,
    /// "Protokoll <body> <date>", numbered items, one "Besluts punkter" item
    /// whose decisions stand under sub-headings, attendees at the end.
    Kalmar,
    /// Minnesanteckningar with a tab-separated header (`Tid\t…`), a
    /// "Dagens agenda" list and unnumbered headings; decisions are sentences
    /// in the running text.
    Varmland,
}

impl Layout {
    /// Every layout, in the order the synthesizer cycles through them.
    pub const ALL: [Layout; 4] = [
        Layout::Kronoberg,
        Layout::Blekinge,
        Layout::Kalmar,
        Layout::Varmland,
    ];
}

/// One synthetic minutes file: its name, its text, and the meeting it was
/// written from.
#[derive(Clone, Debug)]
pub struct SynthMeeting {
    pub file_name: String,
    pub layout: Layout,
    pub text: String,
    pub meeting: Meeting,
}

/// Knobs for [`Synth`]; the defaults give meetings of the seeds' size
/// (4 to 12 items, 1 to 3 paragraphs each, about 1 KB of text per item).
#[derive(Clone, Debug)]
pub struct SynthOptions {
    pub seed: u64,
    pub min_items: u32,
    pub max_items: u32,
    pub min_paragraphs: u32,
    pub max_paragraphs: u32,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            seed: 42,
            min_items: 4,
            max_items: 12,
            min_paragraphs: 1,
            max_paragraphs: 3,
        }
    }
}

impl SynthOptions {
    /// The default options with another seed.
    pub fn seed(seed: u64) -> Self {
        SynthOptions {
            seed,
            ..SynthOptions::default()
        }
    }
}

/// A deterministic stream of synthetic meetings.
///
/// ```
/// use protokoll::synth::{Pool, Synth, SynthOptions};
/// let corpus: Vec<_> = Synth::new(Pool::bundled(), SynthOptions::seed(7))
///     .items(100)
///     .collect();
/// let items: usize = corpus.iter().map(|m| m.meeting.items.len()).sum();
/// assert_eq!(items, 100);
/// ```
#[derive(Clone, Debug)]
pub struct Synth<'p> {
    pool: &'p Pool,
    opts: SynthOptions,
    rng: Rng,
    serial: u64,
    meetings_left: Option<u64>,
    items_left: Option<u64>,
}

impl<'p> Synth<'p> {
    /// An endless stream; bound it with [`Synth::meetings`] or [`Synth::items`].
    pub fn new(pool: &'p Pool, opts: SynthOptions) -> Self {
        let rng = Rng::new(opts.seed);
        Synth {
            pool,
            opts,
            rng,
            serial: 0,
            meetings_left: None,
            items_left: None,
        }
    }

    /// Stops after `n` meetings.
    pub fn meetings(mut self, n: u64) -> Self {
        self.meetings_left = Some(n);
        self
    }

    /// Stops once exactly `n` agenda items have been written (the last
    /// meeting is made shorter to fit). Benchmarks are sized in items because
    /// items, not files, are what the index stores and searches.
    pub fn items(mut self, n: u64) -> Self {
        self.items_left = Some(n);
        self
    }

    fn next_meeting(&mut self, n_items: u32) -> SynthMeeting {
        let layout = Layout::ALL[self.rng.below(4) as usize];
        let serial = self.serial;
        self.serial += 1;
        let mut g = Gen {
            pool: self.pool,
            rng: &mut self.rng,
            opts: &self.opts,
        };
        let meeting = g.meeting(layout, n_items, serial);
        let text = render(layout, &meeting, &mut g);
        SynthMeeting {
            file_name: meeting.source.clone(),
            layout,
            text,
            meeting,
        }
    }
}

impl Iterator for Synth<'_> {
    type Item = SynthMeeting;

    fn next(&mut self) -> Option<SynthMeeting> {
        if self.meetings_left == Some(0) || self.items_left == Some(0) {
            return None;
        }
        let lo = self.opts.min_items.max(1);
        let hi = self.opts.max_items.max(lo);
        let mut n = self.rng.range(lo, hi);
        if let Some(left) = self.items_left {
            n = n.min(u32::try_from(left).unwrap_or(u32::MAX));
            self.items_left = Some(left - u64::from(n));
        }
        if let Some(left) = self.meetings_left.as_mut() {
            *left -= 1;
        }
        Some(self.next_meeting(n))
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and good enough to
/// pick paragraphs.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`); the modulo bias is irrelevant here.
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi - lo) + 1) as u32
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T: ?Sized>(&mut self, xs: &'a [&'a T]) -> &'a T {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const FIRST_NAMES: &[&str] = &[
    "Maria", "Anna", "Eva", "Karin", "Lena", "Kristina", "Sara", "Annika", "Jenny", "Ewa",
    "Birgitta", "Ulrika", "Malin", "Linnea", "Åsa", "Magnus", "Lars", "Per", "Johan", "Anders",
    "Mats", "Erik", "Peter", "Thomas", "Patrik", "Martin", "Håkan", "Niklas", "Roger", "Göran",
];
const LAST_NAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Lindberg",
    "Lindqvist",
    "Wennberg",
    "Friberg",
    "Ekman",
    "Hedström",
    "Björk",
    "Sandberg",
    "Holm",
    "Lundgren",
    "Åkesson",
    "Öberg",
    "Nyberg",
    "Frithiof",
    "Rutgersmark",
    "Folkesson",
    "Magnerot",
    "Grankvist",
];
const ORGS: &[&str] = &[
    "Region Kronoberg",
    "Region Blekinge",
    "Region Kalmar län",
    "Region Värmland",
    "Växjö",
    "Älmhult",
    "Ljungby",
    "Karlskrona kommun",
    "Ronneby kommun",
    "Karlshamns kommun",
    "Kalmar kommun",
    "Nybro kommun",
    "Borgholms kommun",
    "Karlstads kommun",
    "Hammarö kommun",
    "Kommunförbundet",
];
const ROLES: &[&str] = &[
    "förvaltningschef Socialförvaltningen",
    "områdeschef Nära vård",
    "socialchef",
    "verksamhetschef",
    "utvecklingsledare",
    "medicinsk rådgivare",
    "enhetschef äldreomsorgen",
];
const BODIES: &[&str] = &[
    "Ledningsgrupp för samordning av länets hälso- och sjukvård och socialtjänst",
    "LSVO:s ledningsgrupp",
    "Läns gemensam ledning i samverkan",
    "Samordningsgruppen",
    "Regionalt samverkansråd",
    "Beredningsgruppen för psykisk hälsa",
    "Styrgruppen för nära vård",
];
const PLACES: &[&str] = &[
    "Skypemöte",
    "Digitalt möte via Teams",
    "Hobysalen, Ronneby stadshus",
    "Lokal Vega, Regionens Hus",
    "Sammanträdesrum Linné, Regionhuset",
    "Kommunförbundet, Kalmar",
];
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
];

/// Draws the parts of a meeting.
struct Gen<'a> {
    pool: &'a Pool,
    rng: &'a mut Rng,
    opts: &'a SynthOptions,
}

impl Gen<'_> {
    fn name(&mut self) -> String {
        format!(
            "{} {}",
            self.rng.pick(FIRST_NAMES),
            self.rng.pick(LAST_NAMES)
        )
    }

    fn person(&mut self, with_role: bool) -> Person {
        let name = self.name();
        let org = self.rng.pick(ORGS);
        let affiliation = if with_role {
            format!("{}, {org}", self.rng.pick(ROLES))
        } else {
            org.to_string()
        };
        Person {
            name,
            affiliation: Some(affiliation),
        }
    }

    fn paragraph(&mut self) -> &str {
        let i = self.rng.below(self.pool.paragraphs.len() as u64) as usize;
        &self.pool.paragraphs[i]
    }

    fn title(&mut self) -> String {
        let i = self.rng.below(self.pool.titles.len() as u64) as usize;
        self.pool.titles[i].clone()
    }

    /// The text of a decision on `title`, in the voice of `body` when given
    /// (an "att"-clause when not), with the outcome it states.
    fn decision(&mut self, body: Option<&str>, title: &str) -> (String, Outcome) {
        let topic = lower_first(title);
        let outcome = Outcome::ALL[self.rng.below(5) as usize];
        let clause = match outcome {
            Outcome::Approved => match self.rng.below(3) {
                0 => format!("att godkänna förslaget om {topic}"),
                1 => format!("att bevilja medel för {topic}"),
                _ => format!("att ställa sig bakom handlingsplanen för {topic}"),
            },
            Outcome::Rejected => format!("att avslå ansökan om {topic}"),
            Outcome::Postponed => format!("att skjuta upp beslutet om {topic} till nästa möte"),
            Outcome::Noted => format!("att lägga informationen om {topic} till handlingarna"),
            Outcome::Other => format!(
                "att ge {} i uppdrag att ta fram ett underlag om {topic}",
                self.name()
            ),
        };
        let text = match body {
            Some(body) => format!("{body} beslutar {clause}."),
            None => clause,
        };
        (text, outcome)
    }

    fn meeting(&mut self, layout: Layout, n_items: u32, serial: u64) -> Meeting {
        let (y, m, d) = (
            self.rng.range(2015, 2024) as i32,
            self.rng.range(1, 12),
            self.rng.range(1, 28),
        );
        let start = self.rng.range(8, 13);
        let hours = self.rng.range(1, 4);
        let present: Vec<Person> = (0..self.rng.range(5, 15))
            .map(|_| self.person(layout == Layout::Blekinge))
            .collect();
        let absent: Vec<Person> = (0..self.rng.range(0, 6))
            .map(|_| self.person(layout == Layout::Blekinge))
            .collect();
        let body = match layout {
            Layout::Kronoberg => BODIES[0].to_string(),
            Layout::Blekinge => BODIES[1].to_string(),
            Layout::Kalmar => BODIES[2].to_string(),
            Layout::Varmland => self.rng.pick(&BODIES[3..]).to_string(),
        };
        let kind = match layout {
            Layout::Kronoberg => "Mötesanteckningar",
            Layout::Blekinge => "Sammanträdesprotokoll",
            Layout::Kalmar => "Protokoll",
            Layout::Varmland => "Minnesanteckningar",
        };
        let first_paragraph = self.rng.range(1, 40);
        let mut items = Vec::with_capacity(n_items as usize);
        for i in 0..n_items {
            items.push(self.item(layout, &body, i, first_paragraph));
        }
        let source = format!("{serial:07}_{:016x}.txt", self.rng.next_u64());
        Meeting {
            source,
            kind: Some(kind.to_string()),
            body: Some(body),
            date: Some(format!("{y:04}-{m:02}-{d:02}")),
            time: Some(format!("{start:02}:00-{:02}:30", start + hours)),
            place: (layout != Layout::Kalmar).then(|| self.rng.pick(PLACES).to_string()),
            reference: (layout == Layout::Kronoberg)
                .then(|| format!("{:02}RGK{}", y % 100, self.rng.range(100, 999))),
            chair: matches!(layout, Layout::Blekinge | Layout::Kalmar)
                .then(|| present[0].name.clone()),
            secretary: (layout != Layout::Kalmar).then(|| present[present.len() - 1].name.clone()),
            present,
            absent,
            items,
        }
    }

    fn item(&mut self, layout: Layout, body: &str, i: u32, first_paragraph: u32) -> AgendaItem {
        let ordinal = i + 1;
        let number = match layout {
            Layout::Blekinge => Some(format!("§ {}", first_paragraph + i)),
            Layout::Varmland => None,
            _ => Some(ordinal.to_string()),
        };
        let title = self.title();
        let presenters = if layout == Layout::Kronoberg && self.rng.chance(40) {
            vec![self.name()]
        } else {
            Vec::new()
        };
        let n_par = self.rng.range(
            self.opts.min_paragraphs,
            self.opts.max_paragraphs.max(self.opts.min_paragraphs),
        );
        let paragraphs: Vec<String> = (0..n_par).map(|_| self.paragraph().to_string()).collect();
        let mut sections = Vec::new();
        let mut decisions = Vec::new();
        let short_body = short_body(body);
        // About two items in three carry decisions, as in the seeds.
        if self.rng.chance(65) {
            match layout {
                Layout::Kronoberg => {
                    let (text, outcome) = self.decision(Some(short_body), &title);
                    decisions.push(decision(text, outcome, None));
                }
                Layout::Blekinge => {
                    for _ in 0..self.rng.range(1, 3) {
                        let t = self.title();
                        let (text, outcome) = self.decision(None, &t);
                        decisions.push(decision(text, outcome, None));
                    }
                }
                Layout::Kalmar if self.rng.chance(30) => {
                    // A "Besluts punkter" item: one decision per sub-heading.
                    for _ in 0..self.rng.range(2, 4) {
                        let subject = self.title();
                        let (text, outcome) = self.decision(Some(body), &subject);
                        sections.push(Section {
                            title: subject.clone(),
                            presenters: Vec::new(),
                        });
                        decisions.push(decision(text, outcome, Some(subject)));
                    }
                }
                Layout::Kalmar | Layout::Varmland => {
                    let (text, outcome) = self.decision(Some(short_body), &title);
                    decisions.push(decision(text, outcome, None));
                }
            }
        }
        let title = if !sections.is_empty() {
            "Besluts punkter".to_string()
        } else {
            title
        };
        AgendaItem {
            ordinal,
            number,
            title,
            presenters,
            sections,
            text: paragraphs.join("\n\n"),
            decisions,
        }
    }
}

fn decision(text: String, outcome: Outcome, subject: Option<String>) -> Decision {
    Decision {
        text,
        outcome,
        subject,
    }
}

/// "LSVO:s ledningsgrupp" stays; long committee names become "Ledningsgruppen".
fn short_body(body: &str) -> &str {
    if body.starts_with("Ledningsgrupp för") {
        "Ledningsgruppen"
    } else {
        body
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep acronyms ("EU-stöd", "FN:s") as they are.
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

/// Day of the week (0 = Monday) of a Gregorian date, by Sakamoto's method.
fn weekday(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32) % 7;
    ((sunday_based + 6) % 7) as usize
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn person_line(p: &Person) -> String {
    match &p.affiliation {
        Some(a) => format!("{}, {a}", p.name),
        None => p.name.clone(),
    }
}

/// Writes `meeting` as text in `layout`. `g` supplies the small random
/// choices of presentation (bold "Beslut:", italics) that the model does not
/// record.
fn render(layout: Layout, meeting: &Meeting, g: &mut Gen<'_>) -> String {
    use std::fmt::Write;

    let date = meeting.date.as_deref().unwrap_or("2020-01-01");
    let (y, m, d) = (
        date[0..4].parse::<i32>().unwrap_or(2020),
        date[5..7].parse::<u32>().unwrap_or(1),
        date[8..10].parse::<u32>().unwrap_or(1),
    );
    let wd = WEEKDAYS[weekday(y, m, d)];
    let month = MONTHS[(m as usize - 1) % 12];
    let time = meeting.time.as_deref().unwrap_or("09:00-10:00");
    let body = meeting.body.as_deref().unwrap_or("");
    let place = meeting.place.as_deref().unwrap_or("");
    let mut s = String::with_capacity(1024 * (meeting.items.len() + 2));
    let people =
        |list: &[Person], sep: &str| list.iter().map(person_line).collect::<Vec<_>>().join(sep);
    // `write!` into a String cannot fail; the results are ignored for that reason.
    match layout {
        Layout::Kronoberg => {
            let md = g.rng.chance(50); // half the files came through a Markdown export
            let h = if md { "## " } else { "" };
            let _ = write!(
                s,
                "\n\nDnr {}\n\nMÖTESANTECKNINGAR\n\n\n\n{date}\n\n{h}{body}\n\nTid: {} den {d} {month} {y}\nKl. {time}\n\nPlats: {place}\n\nNärvarande: {}\n\n",
                meeting.reference.as_deref().unwrap_or(""),
                capitalize(wd),
                people(&meeting.present, "\n"),
            );
            if !meeting.absent.is_empty() {
                let _ = write!(s, "Frånvarande: {}\n\n", people(&meeting.absent, "\n"));
            }
            for it in &meeting.items {
                let _ = write!(s, "{h}{}. {}\n\n", it.ordinal, it.title);
                for p in &it.presenters {
                    if md {
                        let _ = write!(s, "*Föredragande: {p}*\n\n");
                    } else {
                        let _ = write!(s, "Föredragande: {p}\n\n");
                    }
                }
                let _ = write!(s, "{}\n\n", it.text);
                for dec in &it.decisions {
                    if md {
                        let _ = write!(s, "**Beslut:** {}\n\n", dec.text);
                    } else {
                        let _ = write!(s, "Beslut:\n\n{}\n\n", dec.text);
                    }
                }
            }
        }
        Layout::Blekinge => {
            let short = body.split(':').next().unwrap_or(body);
            let _ = write!(
                s,
                "\n\n{short}\nSammanträdesprotokoll\n{date}\n\nÄrendeförteckning\n\n"
            );
            for it in &meeting.items {
                let _ = writeln!(s, "- {} {}", it.number.as_deref().unwrap_or(""), it.title);
            }
            let (from, to) = (meeting.time.as_deref().unwrap_or("09:00-10:00")).split_at(5);
            let _ = write!(
                s,
                "\n-\n\nTid och plats: {}en den {d} {month} {y} kl. {} -{}, {place}.\n\nNärvarande ledamöter:\n\nOrdförande\n\n{}\n\n",
                capitalize(wd),
                from.replace(':', "."),
                to.trim_start_matches('-').replace(':', "."),
                people(&meeting.present, "\n"),
            );
            if !meeting.absent.is_empty() {
                let _ = write!(s, "Frånvarande:\n\n{}\n\n", people(&meeting.absent, "\n"));
            }
            let first = meeting.items.first().and_then(|i| i.number.clone());
            let last = meeting.items.last().and_then(|i| i.number.clone());
            let _ = write!(
                s,
                "Sekreterare:\n\n{}\n\nParagrafer:\n\n{} - {}\n\nUnderskrifter:\n\n.....\n{}\nOrdförande\n\n.....\n{}\nSekreterare\n\n",
                meeting.secretary.as_deref().unwrap_or(""),
                first.as_deref().unwrap_or(""),
                last.as_deref().unwrap_or(""),
                meeting.chair.as_deref().unwrap_or(""),
                meeting.secretary.as_deref().unwrap_or(""),
            );
            for it in &meeting.items {
                let _ = write!(
                    s,
                    "{}\n\n{}\n\n{}\n\n",
                    it.number.as_deref().unwrap_or(""),
                    it.title,
                    it.text
                );
                if !it.decisions.is_empty() {
                    let _ = write!(s, "{body} beslutar\n\n");
                    for dec in &it.decisions {
                        let _ = write!(s, "{}\n\n", dec.text);
                    }
                }
            }
            let _ = write!(s, "Protokollet ska skickas till\n\nDiariet\n\nLedamöter\n");
        }
        Layout::Kalmar => {
            let _ = write!(s, "\n\nProtokoll {body} {date}\n\n");
            for it in &meeting.items {
                let _ = write!(s, "{}. {}\n\n", it.ordinal, it.title);
                if it.sections.is_empty() {
                    let _ = write!(s, "{}\n\n", it.text);
                    for dec in &it.decisions {
                        let _ = write!(s, "Beslut: {}\n\n", dec.text);
                    }
                } else {
                    let _ = write!(s, "{}\n\n", it.text);
                    for dec in &it.decisions {
                        let subject = dec.subject.as_deref().unwrap_or("");
                        if g.rng.chance(50) {
                            let _ = write!(s, "{subject}\n\n- *{}*\n\n", dec.text);
                        } else {
                            let _ = write!(s, "{subject}\n\n{}\n\n", dec.text);
                        }
                    }
                }
            }
            let _ = write!(
                s,
                "\n\nNärvarade ledamöter\n\n{}\n",
                people(&meeting.present, "\n")
            );
        }
        Layout::Varmland => {
            let secretary = meeting.secretary.as_deref().unwrap_or("");
            let (from, to) = time.split_at(5);
            let _ = write!(
                s,
                "\n\n\n\nHandläggare\n\n{secretary},\nutvecklingsledare\n\nDatum\n\n{date}\n\nDiarienummer\n\n\
                 Tid\t{} {d}/{m} {y} kl. {}-{}\nPlats\t{place}\nDeltagare\t{}\n",
                capitalize(wd),
                from.replace(':', "."),
                to.trim_start_matches('-').replace(':', "."),
                meeting.present.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "),
            );
            if !meeting.absent.is_empty() {
                let _ = writeln!(
                    s,
                    "Ej närvarande\t{}.",
                    meeting
                        .absent
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let _ = write!(
                s,
                "Sekreterare\t{secretary}\n\n{body}, minnesanteckningar {:02}{m:02}{d:02}\n\nDagens agenda:\n\n",
                y % 100
            );
            for it in &meeting.items {
                let _ = writeln!(s, "- {}", it.title);
            }
            s.push('\n');
            for it in &meeting.items {
                let _ = write!(s, "{}\n\n{}\n\n", it.title, it.text);
                for dec in &it.decisions {
                    if g.rng.chance(50) {
                        let _ = write!(s, "*{}*\n\n", dec.text);
                    } else {
                        let _ = write!(s, "{}\n\n", dec.text);
                    }
                }
            }
            let _ = writeln!(s, "Minnesanteckningar förda av: {secretary}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(seed: u64, items: u64) -> Vec<SynthMeeting> {
        Synth::new(Pool::bundled(), SynthOptions::seed(seed))
            .items(items)
            .collect()
    }

    #[test]
    fn same_seed_same_corpus() {
        let a = corpus(1, 300);
        let b = corpus(1, 300);
        let c = corpus(2, 300);
        assert_eq!(a.len(), b.len());
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.text == y.text && x.file_name == y.file_name));
        assert_ne!(a[0].text, c[0].text);
    }

    #[test]
    fn requested_size_is_met_exactly() {
        for n in [1, 7, 100, 1001] {
            let items: usize = corpus(3, n).iter().map(|m| m.meeting.items.len()).sum();
            assert_eq!(items as u64, n);
        }
        let meetings = Synth::new(Pool::bundled(), SynthOptions::default()).meetings(17);
        assert_eq!(meetings.count(), 17);
    }

    #[test]
    fn every_layout_appears_with_its_marks() {
        let all = corpus(5, 2000);
        let find = |l: Layout| all.iter().find(|m| m.layout == l).expect("layout used");
        let check = |l: Layout, marks: &[&str]| {
            let m = find(l);
            for mark in marks {
                assert!(m.text.contains(mark), "{l:?} lacks {mark:?}:\n{}", m.text);
            }
        };
        check(
            Layout::Kronoberg,
            &["MÖTESANTECKNINGAR", "Närvarande: ", "\n1. "],
        );
        check(
            Layout::Blekinge,
            &[
                "Sammanträdesprotokoll",
                "Ärendeförteckning",
                "\n§ ",
                "Närvarande ledamöter:",
            ],
        );
        check(
            Layout::Kalmar,
            &[
                "\n\nProtokoll Läns gemensam",
                "\n1. ",
                "Närvarade ledamöter",
            ],
        );
        check(
            Layout::Varmland,
            &["Tid\t", "Plats\t", "Deltagare\t", "Dagens agenda:"],
        );
        // Decision shapes.
        assert!(all.iter().any(|m| m.layout == Layout::Blekinge
            && m.text.contains("LSVO:s ledningsgrupp beslutar\n\natt ")));
        assert!(all.iter().any(|m| m.layout == Layout::Kalmar
            && m.text.contains("\n\n3. Besluts punkter")
            || m.meeting.items.iter().any(|i| !i.sections.is_empty())));
    }

    #[test]
    fn text_carries_the_drawn_meeting() {
        for m in corpus(9, 500) {
            assert!(m.text.contains(m.meeting.date.as_deref().unwrap()));
            for item in &m.meeting.items {
                assert!(m.text.contains(&item.title), "{}", item.title);
                assert!(m.text.contains(&item.text));
                for d in &item.decisions {
                    assert!(m.text.contains(&d.text), "{}", d.text);
                }
            }
        }
    }

    #[test]
    fn weekdays_are_right() {
        assert_eq!(WEEKDAYS[weekday(2020, 4, 3)], "fredag");
        assert_eq!(WEEKDAYS[weekday(2024, 6, 14)], "fredag");
        assert_eq!(WEEKDAYS[weekday(2020, 3, 6)], "fredag");
        assert_eq!(WEEKDAYS[weekday(2000, 1, 1)], "lördag");
    }

    #[test]
    fn interpellation_titles_become_agenda_titles() {
        let check = |raw: &str, expected: Option<&str>| {
            assert_eq!(interpellation_topic(raw).as_deref(), expected, "{raw}");
        };
        check(
            "1994/95:1 av Per Gahrton (mp) till statsministern om en rättvis och tillförlitlig EU-omröstning",
            Some("En rättvis och tillförlitlig EU-omröstning"),
        );
        check(
            "Interpellation 2015/16:375 Uppvisande av giltigt körkort av Edward Riedl (M) till Statsrådet Anna Johansson (S)",
            Some("Uppvisande av giltigt körkort"),
        );
        check("Interpellation 2018/19:198 Studiero av Kristina Axén Olin (M) till Utbildningsminister Anna Ekström (S)", None);
        check(
            "Byggandet av nya bostäder i glesbygd",
            Some("Byggandet av nya bostäder i glesbygd"),
        );
    }

    #[test]
    fn pool_from_jsonl_reads_the_corpus_format() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let para = "Regeringen har under lång tid arbetat med frågan om hur hälso- och sjukvården ska organiseras i hela landet, men mycket återstår att göra.";
        let line = serde_json::json!({
            "id": "x",
            "title": "Interpellation 2010/11:148 Höjt straff för sexköp av Lena Olsson (V) till justitieminister Beatrice Ask (M)",
            "text": format!("Inkom den 3 oktober\n{para}\nkort rad"),
        });
        std::fs::write(&path, format!("{line}\n\n")).unwrap();
        let pool = Pool::from_jsonl(&path).unwrap();
        assert_eq!(pool.paragraphs, [para]);
        assert_eq!(pool.titles, ["Höjt straff för sexköp"]);
        std::fs::write(&path, "not json\n").unwrap();
        assert!(Pool::from_jsonl(&path).is_err());
    }

    #[test]
    fn pool_from_lines_refuses_empty() {
        assert!(Pool::from_lines("", "Titel").is_err());
        let p = Pool::from_lines("Ett stycke.\n\nEtt till.\n", "Titel\n").unwrap();
        assert_eq!((p.paragraphs(), p.titles()), (2, 1));
    }
}
