//! The terminal, as the runtime waits on it: input ready or hung up, and mouse events.

use super::super::action::Action;
use super::super::app::{App, Tab};
use super::super::tabs;
use super::super::view;
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use std::time::Duration;

/// Keys handled before a frame is drawn, so a paste cannot starve the screen.
pub(super) const MAX_EVENTS_PER_FRAME: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Terminal {
    Ready,
    HungUp,
}

/// Waits up to `tick` for input. A terminal that went away without a SIGHUP (its
/// pseudo-terminal closed) reports a hang-up: the session then ends as if the connection
/// dropped, instead of spinning on a dead descriptor.
#[cfg(unix)]
pub(super) fn wait_for_terminal(tick: Duration) -> Terminal {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = std::io::stdin();
    let mut terminal = [PollFd::new(&stdin, PollFlags::IN)];
    let timeout = Timespec::try_from(tick).ok();
    let ready = poll(&mut terminal, timeout.as_ref()).unwrap_or(0);
    let hung_up = terminal[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL);
    if ready > 0 && hung_up { Terminal::HungUp } else { Terminal::Ready }
}

/// Elsewhere the terminal's events say when it is gone.
#[cfg(not(unix))]
pub(super) fn wait_for_terminal(_tick: Duration) -> Terminal {
    Terminal::Ready
}

pub(super) fn mouse_action(app: &App, mouse: MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollDown => return Some(Action::Down),
        MouseEventKind::ScrollUp => return Some(Action::Up),
        MouseEventKind::Down(MouseButton::Left) => {}
        _ => return None,
    }
    if mouse.row == 0 {
        return view::tab_positions(app)
            .into_iter()
            .find(|(_, x, width)| (*x..x + width).contains(&mouse.column))
            .map(|(tab, _, _)| Action::ClickTab(tab));
    }
    // Beside the matrix's grid and the sliders are charts and lists a row click is not for.
    let beside = match app.tab {
        Tab::Matrix => mouse.column < tabs::matrix::GRID_WIDTH,
        Tab::Sensitivity => mouse.column >= tabs::sensitivity::LEFT_WIDTH,
        _ => false,
    };
    (!beside).then_some(Action::ClickRow(mouse.row))
}
