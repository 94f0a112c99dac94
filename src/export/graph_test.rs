//! Test helpers for the graph exports: a strict XML parse (quick-xml) that collects element
//! names, attribute values and texts, and a dataset with hostile names.

use crate::model::{Actor, ActorKind, Dataset, Relation, RelationKind};
use quick_xml::Reader;
use quick_xml::events::Event;

/// What a parsed document holds.
pub struct Doc {
    /// Element names, in order.
    pub elements: Vec<String>,
    /// `(attribute, unescaped value)` pairs.
    pub attrs: Vec<(String, String)>,
    /// Unescaped text nodes.
    pub texts: Vec<String>,
}

impl Doc {
    /// How many elements are called `name`.
    pub fn count(&self, name: &str) -> usize {
        self.elements.iter().filter(|e| *e == name).count()
    }
}

/// Parses `xml`, panicking on any well-formedness error.
pub fn parse(xml: &str) -> Doc {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = true;
    let mut doc = Doc {
        elements: Vec::new(),
        attrs: Vec::new(),
        texts: Vec::new(),
    };
    let mut text = String::new();
    loop {
        let event = r.read_event().unwrap();
        if matches!(
            event,
            Event::Start(_) | Event::End(_) | Event::Empty(_) | Event::Eof
        ) {
            let t = std::mem::take(&mut text);
            if !t.trim().is_empty() {
                doc.texts.push(t.trim().to_owned());
            }
        }
        match event {
            Event::Start(e) | Event::Empty(e) => {
                doc.elements
                    .push(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
                for a in e.attributes() {
                    let a = a.unwrap();
                    let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned();
                    doc.attrs.push((key, value));
                }
            }
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(g) => {
                let name = g.decode().unwrap().into_owned();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity {other}"),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    doc
}

/// Two actors with markup in their names and a relation between them.
pub fn hostile() -> Dataset {
    let mut d = Dataset::default();
    let mut a = Actor::new(ActorKind::Other);
    a.name_ar = Some("<script>&\"'".into());
    let mut b = Actor::new(ActorKind::Other);
    b.name_en = Some("]]> & <!-- \u{1}".into());
    let mut r = Relation::new(a.id, RelationKind::Opposes, b.id);
    r.note = Some("</edge><edge>".into());
    d.relations.push(r);
    d.actors = vec![a, b];
    d
}
