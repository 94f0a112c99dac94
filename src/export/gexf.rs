//! GEXF 1.3 writer of the actor network (see [`network`](super::network)), Gephi's native
//! format: nodes labelled with the Arabic-first name and carrying kind, country and every
//! name as attributes; edges typed, directed for relations and undirected for co-participation,
//! weighted by the number of shared events.

use super::network::{Edge, network};
use super::xml::escape;
use super::{ExportError, Exporter};
use crate::model::{Actor, Dataset};
use std::fmt::Write;

/// Writes GEXF.
pub struct Gexf;

const NODE_ATTRIBUTES: &[&str] = &[
    "kind", "country", "name_ar", "name_en", "name_fr", "acronym",
];

fn node(out: &mut String, a: &Actor) {
    let _ = writeln!(
        out,
        "      <node id=\"{}\" label=\"{}\">",
        a.id,
        escape(a.display_name(true))
    );
    out.push_str("        <attvalues>\n");
    let values = [
        Some(a.kind.code().to_owned()),
        a.country.clone(),
        a.name_ar.clone(),
        a.name_en.clone(),
        a.name_fr.clone(),
        a.acronym.clone(),
    ];
    for (i, value) in values.into_iter().enumerate() {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(
                out,
                "          <attvalue for=\"{i}\" value=\"{}\"/>",
                escape(&v)
            );
        }
    }
    out.push_str("        </attvalues>\n      </node>\n");
}

fn edge(out: &mut String, e: &Edge) {
    let _ = writeln!(
        out,
        "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{}\" weight=\"{}\" label=\"{}\">",
        escape(&e.id),
        e.from,
        e.to,
        if e.directed { "directed" } else { "undirected" },
        e.weight,
        escape(&e.kind)
    );
    let _ = writeln!(
        out,
        "        <attvalues><attvalue for=\"kind\" value=\"{}\"/><attvalue for=\"note\" value=\"{}\"/></attvalues>",
        escape(&e.kind),
        escape(&e.label)
    );
    out.push_str("      </edge>\n");
}

impl Exporter for Gexf {
    fn name(&self) -> &'static str {
        "gexf"
    }

    fn extension(&self) -> &'static str {
        "gexf"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        let n = network(data);
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  <meta>\n    <creator>Marsad</creator>\n    <description>Actor network: relations and co-participation in events</description>\n  </meta>\n  <graph mode=\"static\" defaultedgetype=\"directed\">\n    <attributes class=\"node\">\n",
        );
        for (i, a) in NODE_ATTRIBUTES.iter().enumerate() {
            let _ = writeln!(
                out,
                "      <attribute id=\"{i}\" title=\"{a}\" type=\"string\"/>"
            );
        }
        out.push_str("    </attributes>\n    <attributes class=\"edge\">\n      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n      <attribute id=\"note\" title=\"note\" type=\"string\"/>\n    </attributes>\n    <nodes>\n");
        for a in &n.nodes {
            node(&mut out, a);
        }
        out.push_str("    </nodes>\n    <edges>\n");
        for e in &n.edges {
            edge(&mut out, e);
        }
        out.push_str("    </edges>\n  </graph>\n</gexf>\n");
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::graph_test::{hostile, parse};
    use crate::import::test_support::sample;

    #[test]
    fn sample_network_is_well_formed_with_weights() {
        let data = sample();
        let text = String::from_utf8(Gexf.write(&data).unwrap()).unwrap();
        let doc = parse(&text);
        assert_eq!(doc.count("node"), data.actors.len());
        assert!(doc.count("edge") >= data.relations.len());
        assert!(doc.attrs.iter().any(|(k, v)| k == "label" && v == "المغرب"));
        assert!(
            doc.attrs
                .iter()
                .any(|(k, v)| k == "type" && v == "undirected")
        );
    }

    #[test]
    fn hostile_names_are_escaped() {
        let text = String::from_utf8(Gexf.write(&hostile()).unwrap()).unwrap();
        let doc = parse(&text);
        assert!(doc.attrs.iter().any(|(_, v)| v == "<script>&\"'"), "{text}");
    }
}
