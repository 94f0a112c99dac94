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
