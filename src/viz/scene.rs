//! A draw list shared by the screen and the SVG export, so that what is exported is exactly
//! what was drawn.

use egui::{Color32, Pos2, Rect, Vec2};

/// One thing to draw, in points relative to the scene's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A straight line.
    Line {
        /// From.
        a: Pos2,
        /// To.
        b: Pos2,
        /// Width.
        width: f32,
        /// Colour.
        color: Color32,
    },
    /// A filled rectangle, optionally outlined (dashed outlines mark imprecise dates).
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radius.
        radius: f32,
        /// Fill.
        fill: Color32,
        /// Outline width and colour (width 0 for none).
        stroke: (f32, Color32),
        /// Whether the outline is dashed.
        dashed: bool,
    },
    /// A filled circle.
    Circle {
        /// Centre.
        center: Pos2,
        /// Radius.
        radius: f32,
        /// Fill.
        fill: Color32,
        /// Outline width and colour.
        stroke: (f32, Color32),
    },
    /// A filled closed polygon (node shapes, arrow heads).
    Polygon {
        /// Corners in order.
        points: Vec<Pos2>,
        /// Fill.
        fill: Color32,
        /// Outline width and colour.
        stroke: (f32, Color32),
    },
    /// A filled regular polygon (node shapes): as a polygon, without a list of corners, since a
    /// big network has tens of thousands of them a frame.
    Regular {
        /// Centre.
        center: Pos2,
        /// Distance from the centre to each corner.
        radius: f32,
        /// Number of corners (fewer than 3 are drawn as 3).
        corners: u8,
        /// Angle of the first corner, in radians.
        turn: f32,
        /// Fill.
        fill: Color32,
        /// Outline width and colour.
        stroke: (f32, Color32),
    },
    /// A text label occupying `rect` (already placed without overlap).
    Text {
        /// Where the text goes.
        rect: Rect,
        /// What it says.
        text: String,
        /// Font size in points.
        size: f32,
        /// Colour.
        color: Color32,
    },
}

/// A whole picture: size, background and items in painting order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Size in points.
    pub size: Vec2,
    /// Background colour.
    pub background: Color32,
    /// What to draw, back to front.
    pub items: Vec<Item>,
}

impl Scene {
    /// An empty scene.
    pub fn new(size: Vec2, background: Color32) -> Self {
        Self {
            size,
            background,
            items: Vec::new(),
        }
    }

    /// Room for `more` items (a frame knows roughly how many it draws).
    pub fn reserve(&mut self, more: usize) {
        self.items.reserve(more);
    }

    /// Adds an item.
    pub fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    /// Number of text labels (tests, diagnostics).
    pub fn text_count(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, Item::Text { .. }))
            .count()
    }
}

/// Corners of a regular polygon around `center`, starting at angle `turn` (at least 3).
pub fn regular_polygon(center: Pos2, radius: f32, corners: usize, turn: f32) -> Vec<Pos2> {
    let corners = corners.max(3);
    (0..corners)
        .map(|k| {
            let a = turn + k as f32 * std::f32::consts::TAU / corners as f32;
            center + Vec2::angled(a) * radius
        })
        .collect()
}
