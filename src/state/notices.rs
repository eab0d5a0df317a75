//! What the planner tells and asks the user: notices in the alert area and the questions that
//! must be answered before something happens.

use leptos::prelude::*;

use super::Planner;
use crate::model::{PhaseId, Roadmap};

/// A message shown in the alert area.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
    /// Offer to download this text (e.g. unreadable saved data) so nothing is lost.
    pub rescue: Option<Rescue>,
    /// Offer "Export JSON now": the roadmap is not safe in this browser.
    pub offer_export: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Error,
    Info,
}

/// Text the user can download from a notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Rescue {
    pub file_name: String,
    pub text: String,
}

/// A question the user must answer before something happens.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirmation {
    /// The catalog heading (outline entry index) is already an initiative.
    DuplicateCatalogItem {
        entry: usize,
    },
    DeletePhase(PhaseId),
    /// Deleting the open roadmap from this browser.
    DeleteRoadmap,
    /// A file passed every check; open it as a new roadmap or replace the open one?
    Import {
        roadmap: Box<Roadmap>,
        source: String,
    },
    /// Another tab changed the open roadmap while this tab had unsaved changes.
    Conflict,
}

impl Planner {
    pub fn notice(&self) -> Option<Notice> {
        self.notice.get()
    }

    pub fn confirmation(&self) -> Option<Confirmation> {
        self.confirmation.get()
    }

    pub fn tell(&self, tone: Tone, text: impl Into<String>) {
        self.show_notice(Notice {
            tone,
            text: text.into(),
            rescue: None,
            offer_export: false,
        });
    }

    pub fn show_notice(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// Takes back a notice this text put up, once what it complained about is mended;
    /// any other notice stays.
    pub fn dismiss_notice_saying(&self, text: &str) {
        if self
            .notice
            .with_untracked(|notice| notice.as_ref().is_some_and(|notice| notice.text == text))
        {
            self.notice.set(None);
        }
    }

    pub fn ask(&self, confirmation: Confirmation) {
        self.confirmation.set(Some(confirmation));
    }

    /// Closes the open question (answered or dismissed).
    pub fn close_question(&self) {
        self.confirmation.set(None);
    }
}
