//! Editor tests driven through kittest: typing, caret keys, selection, copy, clicks,
//! undo, IME, and a long random event sequence that must never panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Event, Key, Modifiers, OutputCommand, Pos2, Vec2, vec2};
use egui_kittest::{Harness, kittest::Queryable};
use marsad::text::{self, Direction, TextField};

#[derive(Default)]
struct State {
    single: String,
    multi: String,
    app_undo_fired: bool,
}

fn harness(single: &str, dir: Direction) -> Harness<'static, State> {
    let state = State {
        single: single.to_owned(),
        ..Default::default()
    };
    Harness::builder()
        .with_size(vec2(520.0, 260.0))
        .with_context_setup(move |ctx| {
            text::fonts::install(ctx);
            text::set_direction(ctx, dir);
        })
        .build_ui_state(
            |ui, st: &mut State| {
                TextField::singleline(&mut st.single)
                    .label("Title")
                    .hint("العنوان")
                    .desired_width(400.0)
                    .show(ui);
                TextField::multiline(&mut st.multi)
                    .label("Body")
                    .desired_width(400.0)
                    .show(ui);
                // App-level undo shortcut, checked after the fields as the app shell does.
                if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Z)) {
                    st.app_undo_fired = true;
                }
            },
            state,
        )
}

fn focus(h: &mut Harness<'_, State>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn press(h: &mut Harness<'_, State>, m: Modifiers, key: Key) {
    h.key_press_modifiers(m, key);
    h.run();
}

fn typ(h: &mut Harness<'_, State>, s: &str) {
    h.get_by_label("Title").type_text(s);
    h.run();
}

fn copied(h: &mut Harness<'_, State>) -> Option<String> {
    h.event(Event::Copy);
    h.step();
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(s) => Some(s.clone()),
            _ => None,
        })
}

#[test]
fn typing_mixed_text_keeps_logical_order() {
    let mut h = harness("", Direction::Rtl);
    focus(&mut h, "Title");
    for part in ["المكتب ", "BCIJ", " في 26 مارس/آذار 2022"] {
        typ(&mut h, part);
    }
    assert_eq!(h.state().single, "المكتب BCIJ في 26 مارس/آذار 2022");
    assert_eq!(
        h.get_by_label("Title").value().as_deref(),
        Some(h.state().single.as_str())
    );
}

#[test]
fn home_end_and_arrows() {
    let mut h = harness("مرصد BCIJ", Direction::Rtl);
    focus(&mut h, "Title");
    press(&mut h, Modifiers::NONE, Key::Home);
    typ(&mut h, "X");
    assert_eq!(h.state().single, "Xمرصد BCIJ");
    press(&mut h, Modifiers::NONE, Key::End);
    typ(&mut h, "Y");
    assert_eq!(h.state().single, "Xمرصد BCIJY");
    // Visual movement: from the end (right of Y, inside the Latin run) ← goes back a letter.
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    typ(&mut h, "Z");
    assert_eq!(h.state().single, "Xمرصد BCIJZY");
    // In Arabic, ← moves forward logically (to the left on screen).
    press(&mut h, Modifiers::COMMAND, Key::Home);
    press(&mut h, Modifiers::NONE, Key::Delete); // remove X
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    typ(&mut h, "Q");
    assert_eq!(h.state().single, "مQرصد BCIJZY");
    // → at the right edge of an RTL line stays put (nothing before the start).
    press(&mut h, Modifiers::COMMAND, Key::Home);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    typ(&mut h, "S");
    assert!(h.state().single.starts_with('S'));
}

#[test]
fn latin_field_arrows_are_logical_too() {
    let mut h = harness("abc", Direction::Ltr);
    focus(&mut h, "Title");
    press(&mut h, Modifiers::NONE, Key::Home);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    typ(&mut h, "X");
    assert_eq!(h.state().single, "abXc");
    press(&mut h, Modifiers::COMMAND, Key::ArrowLeft);
    typ(&mut h, "W");
    assert_eq!(h.state().single, "WabXc");
}

#[test]
fn selection_and_copy_give_logical_text() {
    let mut h = harness("المكتب BCIJ 2022", Direction::Rtl);
    focus(&mut h, "Title");
    press(&mut h, Modifiers::NONE, Key::Home);
    press(&mut h, Modifiers::SHIFT, Key::End);
    assert_eq!(copied(&mut h).as_deref(), Some("المكتب BCIJ 2022"));
    // Shift+← twice from the end selects the last two digits.
    press(&mut h, Modifiers::NONE, Key::End);
    press(&mut h, Modifiers::SHIFT, Key::ArrowLeft);
    press(&mut h, Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(copied(&mut h).as_deref(), Some("22"));
    // Select all and cut.
    press(&mut h, Modifiers::COMMAND, Key::A);
    h.event(Event::Cut);
    h.run();
    assert_eq!(h.state().single, "");
}

#[test]
fn click_places_caret_in_the_clicked_word() {
    let mut h = harness("مرصد عربي", Direction::Rtl);
    let rect = h.get_by_label("Title").rect();
    // RTL: the first word is at the right edge of the field.
    h.get_by_label("Title").hover();
    h.event(Event::PointerButton {
        pos: Pos2::new(rect.right() - 16.0, rect.center().y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(Event::PointerButton {
        pos: Pos2::new(rect.right() - 16.0, rect.center().y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    typ(&mut h, "X");
    let i = h.state().single.chars().position(|c| c == 'X').unwrap();
    assert!((1..4).contains(&i), "X at {i} in {}", h.state().single);

    let mut h = harness("alpha beta", Direction::Ltr);
    let rect = h.get_by_label("Title").rect();
    let pos = Pos2::new(rect.left() + 4.0 + 12.0, rect.center().y);
    h.hover_at(pos);
    h.event(Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    typ(&mut h, "X");
    let i = h.state().single.chars().position(|c| c == 'X').unwrap();
    assert!((1..5).contains(&i), "X at {i} in {}", h.state().single);
}

#[test]
fn undo_redo_inside_the_field_consumes_the_keys() {
    let mut h = harness("", Direction::Rtl);
    focus(&mut h, "Title");
    typ(&mut h, "مرصد");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().single, "");
    assert!(!h.state().app_undo_fired);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().single, "مرصد");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(h.state().single, "مرصد");
    assert!(!h.state().app_undo_fired);
}

#[test]
fn backspace_removes_harakat_one_by_one_and_delete_whole_clusters() {
    let mut h = harness("بَّ", Direction::Rtl);
    focus(&mut h, "Title");
    press(&mut h, Modifiers::NONE, Key::End);
    press(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(h.state().single, "بَ");
    press(&mut h, Modifiers::NONE, Key::Home);
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert_eq!(h.state().single, "");
}

#[test]
fn ime_preedit_and_commit() {
    let mut h = harness("", Direction::Rtl);
    focus(&mut h, "Title");
    h.event(Event::Ime(egui::ImeEvent::Preedit {
        text: "م".into(),
        active_range_chars: None,
    }));
    h.run();
    assert_eq!(h.state().single, "م");
    assert!(h.output().platform_output.ime.is_some());
    h.event(Event::Ime(egui::ImeEvent::Preedit {
        text: "مر".into(),
        active_range_chars: None,
    }));
    h.event(Event::Ime(egui::ImeEvent::Commit("مرصد".into())));
    h.run();
    assert_eq!(h.state().single, "مرصد");
}

#[test]
fn multiline_enter_and_vertical_moves() {
    let mut h = harness("", Direction::Rtl);
    focus(&mut h, "Body");
    h.get_by_label("Body").type_text("سطر أول");
    press(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_label("Body").type_text("second line");
    h.run();
    assert_eq!(h.state().multi, "سطر أول\nsecond line");
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    press(&mut h, Modifiers::NONE, Key::Home);
    h.get_by_label("Body").type_text("X");
    h.run();
    assert_eq!(h.state().multi, "Xسطر أول\nsecond line");
}

/// A tiny deterministic generator (no extra dependency).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn random_events_never_panic() {
    let mut h = harness("المكتب (BCIJ) 2022", Direction::Rtl);
    let mut rng = Lcg(0x5eed);
    let texts = [
        "م", "BCIJ", " ", "٢٠٢٢", "\u{064E}", "\u{200F}", "لا", "(", "\n", "\u{2067}", "é", "€",
        "a b", "",
    ];
    let keys = [
        Key::ArrowLeft,
        Key::ArrowRight,
        Key::ArrowUp,
        Key::ArrowDown,
        Key::Home,
        Key::End,
        Key::Backspace,
        Key::Delete,
        Key::Enter,
        Key::A,
        Key::Z,
        Key::Y,
        Key::Tab,
    ];
    let mods = [
        Modifiers::NONE,
        Modifiers::SHIFT,
        Modifiers::COMMAND,
        Modifiers::COMMAND | Modifiers::SHIFT,
    ];
    let size = Vec2::new(520.0, 260.0);
    for step in 0..3000 {
        let ev = match rng.next(10) {
            0..=2 => Event::Text(texts[rng.next(texts.len())].to_owned()),
            3..=5 => Event::Key {
                key: keys[rng.next(keys.len())],
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: mods[rng.next(mods.len())],
            },
            6 => [
                Event::Copy,
                Event::Cut,
                Event::Paste("نص\nملصوق BCIJ".into()),
            ][rng.next(3)]
            .clone(),
            7 => Event::Ime(match rng.next(3) {
                0 => egui::ImeEvent::Preedit {
                    text: texts[rng.next(texts.len())].into(),
                    active_range_chars: None,
                },
                1 => egui::ImeEvent::Commit(texts[rng.next(texts.len())].into()),
                _ => egui::ImeEvent::DeleteSurrounding {
                    before_chars: rng.next(4),
                    after_chars: rng.next(4),
                },
            }),
            _ => {
                let pos = Pos2::new(
                    rng.next(size.x as usize) as f32,
                    rng.next(size.y as usize) as f32,
                );
                let pressed = rng.next(2) == 0;
                h.event(Event::PointerMoved(pos));
                Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed,
                    modifiers: mods[rng.next(2)],
                }
            }
        };
        h.event(ev);
        if step % 3 == 0 {
            h.step();
        }
        if step % 100 == 0 && rng.next(2) == 0 {
            h.get_by_label(["Title", "Body"][rng.next(2)]).click();
            h.step();
        }
    }
    h.run();
    // The fields still work and report their text:
    let single = h.state().single.clone();
    assert_eq!(h.get_by_label("Title").value().unwrap_or_default(), single);
    focus(&mut h, "Title");
    press(&mut h, Modifiers::COMMAND, Key::End);
    typ(&mut h, "Ω");
    assert!(h.state().single.ends_with('Ω'), "{:?}", h.state().single);
}

#[test]
fn selectable_label_double_click_and_copy() {
    const S: &str = "المكتب BCIJ 2022";
    let mut h = Harness::builder()
        .with_size(vec2(400.0, 80.0))
        // Short steps, so the two clicks fall within egui's double-click delay.
        .with_step_dt(0.05)
        .with_context_setup(|ctx| {
            text::fonts::install(ctx);
            text::set_direction(ctx, Direction::Rtl);
        })
        .build_ui(|ui| {
            text::selectable(ui, S);
        });
    let rect = h.get_by_label(S).rect();
    // RTL paragraph: the first word is at the right edge.
    let pos = Pos2::new(rect.right() - 12.0, rect.center().y);
    h.hover_at(pos);
    h.run();
    for pressed in [true, false, true, false] {
        h.event(Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    h.event(Event::Copy);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(s) => Some(s.clone()),
            _ => None,
        });
    assert_eq!(copied.as_deref(), Some("المكتب"));
}
