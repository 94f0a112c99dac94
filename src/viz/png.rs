//! The raster half of the view exports: cut a view's rectangle out of a screenshot of the
//! window and encode it as PNG. Pure: the UI takes the screenshot and writes the file.

use egui::{ColorImage, Rect};

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The view's rectangle lies outside the screenshot.
    #[error("the view is outside the captured window ({width}×{height} pixels)")]
    OutOfFrame {
        /// Screenshot width in pixels.
        width: usize,
        /// Screenshot height in pixels.
        height: usize,
    },
    /// The encoder failed.
    #[error("PNG encoding failed: {0}")]
    Encode(#[from] png::EncodingError),
}

/// The pixels of `image` under `rect` (points), with `pixels_per_point` pixels to a point.
/// The rectangle is clipped to the image; nothing left is an error.
pub fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> Result<ColorImage, PngError> {
    let [w, h] = image.size;
    let out = PngError::OutOfFrame {
        width: w,
        height: h,
    };
    if !rect.is_finite() || !pixels_per_point.is_finite() || pixels_per_point <= 0.0 {
        return Err(out);
    }
    // Rounded to whole pixels: at fractional scales a view's edge falls inside a pixel.
    let px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (px(rect.min.x, w), px(rect.max.x, w));
    let (y0, y1) = (px(rect.min.y, h), px(rect.max.y, h));
    if x1 <= x0 || y1 <= y0 {
        return Err(out);
    }
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        pixels.extend_from_slice(&image.pixels[y * w + x0..y * w + x1]);
    }
    Ok(ColorImage::new([x1 - x0, y1 - y0], pixels))
}

/// `image` as the bytes of an 8-bit RGBA PNG file.
pub fn encode(image: &ColorImage) -> Result<Vec<u8>, PngError> {
    let [w, h] = image.size;
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    let data: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, pos2};

    /// A 40×30 white image with a red 10×10 square at (20, 10).
    fn picture() -> ColorImage {
        let mut img = ColorImage::filled([40, 30], Color32::WHITE);
        for y in 10..20 {
            for x in 20..30 {
                img.pixels[y * 40 + x] = Color32::RED;
            }
        }
        img
    }

    fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    #[test]
    fn crops_in_points_at_any_scale() {
        let img = picture();
        let r = Rect::from_min_max(pos2(10.0, 5.0), pos2(15.0, 10.0));
        let c = crop(&img, r, 2.0).unwrap();
        assert_eq!(c.size, [10, 10]);
        assert!(c.pixels.iter().all(|p| *p == Color32::RED));
        let whole = crop(
            &img,
            Rect::from_min_max(pos2(-5.0, -5.0), pos2(99.0, 99.0)),
            1.0,
        );
        assert_eq!(whole.unwrap().size, [40, 30], "clipped to the image");
        let outside = Rect::from_min_max(pos2(50.0, 0.0), pos2(60.0, 10.0));
        assert!(matches!(
            crop(&img, outside, 1.0),
            Err(PngError::OutOfFrame { width: 40, .. })
        ));
    }

    #[test]
    fn encodes_a_png_that_decodes_to_the_same_pixels() {
        let img = picture();
        let bytes = encode(&img).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let (w, h, rgba) = decode(&bytes);
        assert_eq!((w, h), (40, 30));
        let at = |x: usize, y: usize| &rgba[(y * 40 + x) * 4..(y * 40 + x) * 4 + 4];
        assert_eq!(at(0, 0), [255, 255, 255, 255]);
        assert_eq!(at(25, 15), [255, 0, 0, 255]);
    }
}
