//! GraphML writer of the actor network (see [`network`](super::network)) for Gephi, yEd and
//! networkx: node attributes kind, country and every name; edge attributes kind, weight and
//! label. Relations are directed edges, co-participation undirected ones.

use super::network::{Edge, network};
use super::xml::escape;
use super::{ExportError, Exporter};
use crate::model::{Actor, Dataset};
use std::fmt::Write;

/// Writes GraphML.
pub struct Graphml;

const NODE_KEYS: &[&str] = &[
    "label", "kind", "country", "name_ar", "name_en", "name_fr", "acronym",
];

fn node(out: &mut String, a: &Actor) {
    let _ = writeln!(out, "    <node id=\"{}\">", a.id);
    let values = [
        Some(a.display_name(true).to_owned()),
        Some(a.kind.code().to_owned()),
        a.country.clone(),
        a.name_ar.clone(),
        a.name_en.clone(),
        a.name_fr.clone(),
        a.acronym.clone(),
    ];
    for (key, value) in NODE_KEYS.iter().zip(values) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(&v));
        }
    }
    out.push_str("    </node>\n");
}

fn edge(out: &mut String, e: &Edge) {
    let _ = writeln!(
        out,
        "    <edge id=\"{}\" source=\"{}\" target=\"{}\" directed=\"{}\">",
        escape(&e.id),
        e.from,
        e.to,
        e.directed
    );
    let _ = writeln!(
        out,
        "      <data key=\"edge_kind\">{}</data>",
        escape(&e.kind)
    );
    let _ = writeln!(out, "      <data key=\"weight\">{}</data>", e.weight);
    if !e.label.is_empty() {
        let _ = writeln!(
            out,
            "      <data key=\"edge_label\">{}</data>",
            escape(&e.label)
        );
    }
    out.push_str("    </edge>\n");
}

impl Exporter for Graphml {
    fn name(&self) -> &'static str {
        "graphml"
    }

    fn extension(&self) -> &'static str {
        "graphml"
    }

    fn write(&self, data: &Dataset) -> Result<Vec<u8>, ExportError> {
        let n = network(data);
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        );
        for k in NODE_KEYS {
            let _ = writeln!(
                out,
                "  <key id=\"{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"string\"/>"
            );
        }
        out.push_str(
            "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        );
        out.push_str(
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        );
        out.push_str(
            "  <key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n",
        );
        out.push_str("  <graph id=\"marsad\" edgedefault=\"directed\">\n");
        for a in &n.nodes {
            node(&mut out, a);
        }
        for e in &n.edges {
            edge(&mut out, e);
        }
        out.push_str("  </graph>\n</graphml>\n");
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::graph_test::{hostile, parse};
    use crate::import::test_support::sample;

    #[test]
    fn sample_network_is_well_formed_with_arabic_names() {
        let data = sample();
        let text = String::from_utf8(Graphml.write(&data).unwrap()).unwrap();
        let doc = parse(&text);
        assert_eq!(doc.count("node"), data.actors.len());
        assert!(doc.count("edge") >= data.relations.len());
        assert!(doc.texts.iter().any(|t| t == "المغرب"), "no Arabic label");
        assert!(doc.texts.iter().any(|t| t == "co_participation"));
    }

    #[test]
    fn hostile_names_are_escaped() {
        let text = String::from_utf8(Graphml.write(&hostile()).unwrap()).unwrap();
        let doc = parse(&text);
        assert!(doc.texts.iter().any(|t| t == "<script>&\"'"), "{text}");
    }
}
