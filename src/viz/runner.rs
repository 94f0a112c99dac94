//! Runs a [`ForceLayout`] on its own thread: the UI sends pins, and picks up the newest
//! positions each frame without ever waiting for the layout.

use super::force::ForceLayout;
use egui::Vec2;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant};

/// What the UI asks of the layout thread.
enum Order {
    Pin(usize, Vec2),
    Unpin(usize),
}

/// Positions published by the layout thread.
struct Frame {
    positions: Vec<Vec2>,
    converged: bool,
}

/// A layout running in the background; dropping it stops the thread.
pub struct LayoutRunner {
    orders: Option<Sender<Order>>,
    frames: Receiver<Frame>,
    positions: Vec<Vec2>,
    converged: bool,
}

/// How often the thread publishes positions while it works.
const PUBLISH_EVERY: Duration = Duration::from_millis(30);

impl LayoutRunner {
    /// Starts `layout` on a new thread.
    pub fn spawn(layout: ForceLayout) -> Self {
        let (order_tx, order_rx) = mpsc::channel();
        let (frame_tx, frame_rx) = mpsc::channel();
        let positions = layout.positions().to_vec();
        let started = std::thread::Builder::new()
            .name("marsad-layout".into())
            .spawn(move || work(layout, &order_rx, &frame_tx));
        if let Err(e) = &started {
            log::error!("could not start the layout thread: {e}");
        }
        Self {
            orders: Some(order_tx),
            frames: frame_rx,
            positions,
            converged: false,
        }
    }

    /// Takes the newest positions; returns whether they changed since the last call.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        loop {
            match self.frames.try_recv() {
                Ok(f) => {
                    self.positions = f.positions;
                    self.converged = f.converged;
                    changed = true;
                }
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return changed,
            }
        }
    }

    /// The newest positions received.
    pub fn positions(&self) -> &[Vec2] {
        &self.positions
    }

    /// Whether the layout has settled (as of the last poll).
    pub fn is_converged(&self) -> bool {
        self.converged
    }

    /// Pins node `i` at `at`; the UI shows it there at once.
    pub fn pin(&mut self, i: usize, at: Vec2) {
        if let Some(p) = self.positions.get_mut(i) {
            *p = at;
        }
        self.converged = false;
        self.send(Order::Pin(i, at));
    }

    /// Releases node `i`.
    pub fn unpin(&mut self, i: usize) {
        self.send(Order::Unpin(i));
    }

    fn send(&self, order: Order) {
        if let Some(tx) = &self.orders {
            // A closed channel means the thread is gone; the last positions stay shown.
            let _ = tx.send(order);
        }
    }

    /// Waits until the layout settles or `timeout` passes (tests and benchmarks).
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let end = Instant::now() + timeout;
        while Instant::now() < end {
            self.poll();
            if self.converged {
                return true;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        false
    }
}

impl Drop for LayoutRunner {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.orders = None;
    }
}

fn apply(layout: &mut ForceLayout, order: Order) {
    match order {
        Order::Pin(i, at) => layout.pin(i, at),
        Order::Unpin(i) => layout.unpin(i),
    }
}

fn work(mut layout: ForceLayout, orders: &Receiver<Order>, frames: &Sender<Frame>) {
    let mut last = Instant::now();
    loop {
        if layout.is_converged() {
            let frame = Frame {
                positions: layout.positions().to_vec(),
                converged: true,
            };
            if frames.send(frame).is_err() {
                return;
            }
            // Settled: sleep until the UI pins something or goes away.
            match orders.recv() {
                Ok(o) => apply(&mut layout, o),
                Err(_) => return,
            }
        }
        loop {
            match orders.try_recv() {
                Ok(o) => apply(&mut layout, o),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        layout.step();
        if last.elapsed() >= PUBLISH_EVERY && !layout.is_converged() {
            last = Instant::now();
            let frame = Frame {
                positions: layout.positions().to_vec(),
                converged: false,
            };
            if frames.send(frame).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viz::force::Spring;

    #[test]
    fn runs_in_the_background_to_the_same_result_as_in_the_foreground() {
        let springs: Vec<Spring> = (0..50)
            .map(|i| Spring {
                a: i,
                b: (i * 7 + 3) % 60,
                weight: 1.0,
            })
            .collect();
        let mut fg = ForceLayout::new(60, springs.clone(), 11);
        fg.run(5000);
        let mut bg = LayoutRunner::spawn(ForceLayout::new(60, springs, 11));
        assert!(bg.wait(Duration::from_secs(20)));
        assert_eq!(bg.positions(), fg.positions());
        bg.pin(0, egui::vec2(1000.0, 0.0));
        assert!(bg.wait(Duration::from_secs(20)));
        assert_eq!(bg.positions()[0], egui::vec2(1000.0, 0.0));
    }
}
