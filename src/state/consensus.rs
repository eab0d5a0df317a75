//! Consensus: participants' exported files, their scores merged with the open roadmap's
//! initiatives.

use leptos::prelude::*;

use super::Planner;
use crate::import::FileError;
use crate::model::{Consensus, LeftOut, ParticipantFile, merge_scores};

impl Planner {
    /// The merged scores shown in the Consensus region, if open.
    pub fn consensus(&self) -> ReadSignal<Option<Consensus>> {
        self.consensus.read_only()
    }

    pub fn close_consensus(&self) {
        self.consensus.set(None);
    }

    /// Reads participants' exported files and merges their scores with the open roadmap's
    /// initiatives; files that cannot be read or do not match are listed with the reason.
    pub fn merge_score_files(&self, files: Vec<web_sys::File>) {
        use std::cell::RefCell;
        use std::rc::Rc;
        let planner = *self;
        let total = files.len();
        let read: Rc<RefCell<Vec<Result<ParticipantFile, LeftOut>>>> = Rc::new(RefCell::new(Vec::new()));
        for file in files {
            let file_name = file.name();
            let read = Rc::clone(&read);
            crate::import::read_file(file, move |outcome| {
                let participant = match outcome {
                    Ok(offered) => crate::model::import(&offered.text)
                        .map(|roadmap| ParticipantFile {
                            file_name: file_name.clone(),
                            roadmap,
                        })
                        .map_err(|error| error.to_string()),
                    Err((_, FileError::TooLarge(error))) => Err(error.to_string()),
                    Err((_, FileError::Unreadable(reason))) => Err(format!("{reason}.")),
                };
                read.borrow_mut().push(participant.map_err(|reason| LeftOut {
                    file_name,
                    reason: format!("it is not a roadmap Stackplan can open. {reason}"),
                }));
                if read.borrow().len() == total {
                    let (files, unreadable): (Vec<_>, Vec<_>) =
                        read.borrow_mut().drain(..).partition(Result::is_ok);
                    let files: Vec<ParticipantFile> = files.into_iter().flatten().collect();
                    let mut consensus = planner.with_roadmap(|roadmap| merge_scores(roadmap, &files));
                    consensus
                        .left_out
                        .extend(unreadable.into_iter().filter_map(Result::err));
                    consensus.left_out.sort_by(|a, b| a.file_name.cmp(&b.file_name));
                    planner.consensus.set(Some(consensus));
                }
            });
        }
    }
}
