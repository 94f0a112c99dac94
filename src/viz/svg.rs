//! SVG written from a [`Scene`]: the same items the screen shows, as vector shapes and text
//! (text stays text, so the SVG reader's own bidi shapes Arabic).

use super::scene::{Item, Scene};
use egui::Color32;
use std::fmt::Write;

fn color(c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    if a == 255 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},{:.3})", f32::from(a) / 255.0)
    }
}

fn stroke_attrs((width, c): (f32, Color32)) -> String {
    if width > 0.0 && c.a() > 0 {
        format!(r#" stroke="{}" stroke-width="{width:.2}""#, color(c))
    } else {
        String::new()
    }
}

/// Escapes text for XML content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

fn polygon(
    s: &mut String,
    points: &[egui::Pos2],
    fill: Color32,
    stroke: (f32, Color32),
) -> std::fmt::Result {
    let pts: Vec<String> = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect();
    writeln!(
        s,
        r#"<polygon points="{}" fill="{}"{}/>"#,
        pts.join(" "),
        color(fill),
        stroke_attrs(stroke)
    )
}

/// The scene as a standalone SVG document.
pub fn to_svg(scene: &Scene) -> String {
    let mut s = String::new();
    let (w, h) = (scene.size.x, scene.size.y);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}">"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        color(scene.background)
    );
    for item in &scene.items {
        let _ = match item {
            Item::Line {
                a,
                b,
                width,
                color: c,
            } => writeln!(
                s,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{width:.2}"/>"#,
                a.x,
                a.y,
                b.x,
                b.y,
                color(*c)
            ),
            Item::Rect {
                rect,
                radius,
                fill,
                stroke,
                dashed,
            } => writeln!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{radius:.1}" fill="{}"{}{}/>"#,
                rect.min.x,
                rect.min.y,
                rect.width(),
                rect.height(),
                color(*fill),
                stroke_attrs(*stroke),
                if *dashed {
                    r#" stroke-dasharray="3 2""#
                } else {
                    ""
                }
            ),
            Item::Circle {
                center,
                radius,
                fill,
                stroke,
            } => writeln!(
                s,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{radius:.1}" fill="{}"{}/>"#,
                center.x,
                center.y,
                color(*fill),
                stroke_attrs(*stroke)
            ),
            Item::Regular {
                center,
                radius,
                corners,
                turn,
                fill,
                stroke,
            } => {
                let points =
                    super::scene::regular_polygon(*center, *radius, usize::from(*corners), *turn);
                polygon(&mut s, &points, *fill, *stroke)
            }
            Item::Polygon {
                points,
                fill,
                stroke,
            } => polygon(&mut s, points, *fill, *stroke),
            Item::Text {
                rect,
                text,
                size,
                color: c,
            } => writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" text-anchor="middle" fill="{}" font-family="Noto Sans Arabic, Noto Sans, sans-serif">{}</text>"#,
                rect.center().x,
                rect.max.y - size * 0.3,
                color(*c),
                escape(text)
            ),
        };
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Rect, pos2, vec2};

    #[test]
    fn writes_every_item_with_escaped_arabic_text() {
        let mut scene = Scene::new(vec2(200.0, 100.0), Color32::WHITE);
        scene.push(Item::Line {
            a: pos2(0.0, 50.0),
            b: pos2(200.0, 50.0),
            width: 1.0,
            color: Color32::BLACK,
        });
        scene.push(Item::Rect {
            rect: Rect::from_min_size(pos2(10.0, 10.0), vec2(30.0, 8.0)),
            radius: 2.0,
            fill: Color32::from_rgba_unmultiplied(255, 0, 0, 128),
            stroke: (1.0, Color32::RED),
            dashed: true,
        });
        scene.push(Item::Text {
            rect: Rect::from_min_size(pos2(10.0, 60.0), vec2(80.0, 16.0)),
            text: "تفكيك خلية <BCIJ> & DGST".into(),
            size: 12.0,
            color: Color32::BLACK,
        });
        let svg = to_svg(&scene);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\""));
        assert!(svg.contains("<line x1=\"0.0\" y1=\"50.0\""));
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains("fill=\"rgba(") && svg.contains("stroke=\"#ff0000\""));
        assert!(svg.contains(">تفكيك خلية &lt;BCIJ&gt; &amp; DGST</text>"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
