//! Several roadmaps in one browser: the list of them and which one is open.

use serde::{Deserialize, Serialize};

/// Stable identifier of a roadmap in this browser's workspace.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RoadmapId(pub String);

impl RoadmapId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A roadmap kept in this browser, as the switcher lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoadmapEntry {
    pub id: RoadmapId,
    pub name: String,
}

/// The roadmaps kept in this browser, in creation order, and the one that is open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub active: RoadmapId,
    pub roadmaps: Vec<RoadmapEntry>,
}

impl Workspace {
    /// A workspace holding one roadmap.
    pub fn new(first: RoadmapEntry) -> Workspace {
        Workspace {
            active: first.id.clone(),
            roadmaps: vec![first],
        }
    }

    /// A stored index that lost its way (empty, or pointing at a missing roadmap) is mended
    /// rather than refused: the roadmaps themselves are what matter.
    pub fn mended(mut self) -> Option<Workspace> {
        let mut seen = Vec::new();
        self.roadmaps.retain(|entry| {
            let fresh = !seen.contains(&entry.id);
            seen.push(entry.id.clone());
            fresh
        });
        if !self.roadmaps.iter().any(|entry| entry.id == self.active) {
            self.active = self.roadmaps.first()?.id.clone();
        }
        Some(self)
    }

    pub fn entry(&self, id: &RoadmapId) -> Option<&RoadmapEntry> {
        self.roadmaps.iter().find(|entry| &entry.id == id)
    }

    /// An id not used yet, built from `seed` (the browser passes the time, so two tabs
    /// creating roadmaps at once rarely collide).
    pub fn fresh_id(&self, seed: u64) -> RoadmapId {
        (0..)
            .map(|offset: u64| RoadmapId(format!("r{}", seed.wrapping_add(offset))))
            .find(|id| self.entry(id).is_none())
            .unwrap_or_else(|| RoadmapId(format!("r{seed}")))
    }

    /// `name`, or `name (2)`, `name (3)`… so names in the switcher stay distinguishable.
    pub fn unique_name(&self, name: &str) -> String {
        let taken = |candidate: &str| self.roadmaps.iter().any(|entry| entry.name == candidate);
        if !taken(name) {
            return name.to_string();
        }
        (2..)
            .map(|number| format!("{name} ({number})"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| name.to_string())
    }

    /// Adds a roadmap after the others and opens it.
    pub fn add(&mut self, entry: RoadmapEntry) {
        self.active = entry.id.clone();
        self.roadmaps.push(entry);
    }

    pub fn rename(&mut self, id: &RoadmapId, name: &str) {
        if let Some(entry) = self.roadmaps.iter_mut().find(|entry| &entry.id == id) {
            entry.name = name.to_string();
        }
    }

    /// Takes `list` (another tab's, or the one in storage) as what this tab shows, with this
    /// tab's roadmap still open, keeping what `list` lacks of this tab's roadmaps that still
    /// exist: the open one, and every one `is_stored` finds. A list read while another tab's
    /// write is on its way can miss a roadmap; a deleted one has no text left. Returns the
    /// entries added to `list`, which the stored list then lacks too.
    pub fn keep_in(&self, list: &mut Workspace, is_stored: impl Fn(&RoadmapId) -> bool) -> Vec<RoadmapEntry> {
        let kept: Vec<RoadmapEntry> = self
            .roadmaps
            .iter()
            .filter(|entry| {
                list.entry(&entry.id).is_none() && (entry.id == self.active || is_stored(&entry.id))
            })
            .cloned()
            .collect();
        list.roadmaps.extend(kept.iter().cloned());
        list.active = self.active.clone();
        kept
    }

    /// Removes a roadmap; the open one moves to its neighbour. The last roadmap cannot go:
    /// returns false then.
    pub fn remove(&mut self, id: &RoadmapId) -> bool {
        let Some(index) = self.roadmaps.iter().position(|entry| &entry.id == id) else {
            return false;
        };
        if self.roadmaps.len() == 1 {
            return false;
        }
        self.roadmaps.remove(index);
        if &self.active == id {
            self.active = self.roadmaps[index.min(self.roadmaps.len() - 1)].id.clone();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, name: &str) -> RoadmapEntry {
        RoadmapEntry {
            id: RoadmapId(id.into()),
            name: name.into(),
        }
    }

    #[test]
    fn adding_opens_the_new_roadmap() {
        let mut workspace = Workspace::new(entry("r1", "Data 2027"));
        workspace.add(entry("r2", "Cloud"));
        assert_eq!(workspace.active.as_str(), "r2");
        assert_eq!(workspace.roadmaps.len(), 2);
    }

    #[test]
    fn removing_the_open_roadmap_opens_a_neighbour() {
        let mut workspace = Workspace::new(entry("r1", "a"));
        workspace.add(entry("r2", "b"));
        workspace.add(entry("r3", "c"));
        assert!(workspace.remove(&RoadmapId("r3".into())));
        assert_eq!(workspace.active.as_str(), "r2");
        workspace.active = RoadmapId("r1".into());
        assert!(workspace.remove(&RoadmapId("r1".into())));
        assert_eq!(workspace.active.as_str(), "r2");
    }

    #[test]
    fn renaming_changes_only_that_roadmap() {
        let mut workspace = Workspace::new(entry("r1", "Data 2027"));
        workspace.add(entry("r2", "Cloud"));
        workspace.rename(&RoadmapId("r2".into()), "Cloud 2028");
        workspace.rename(&RoadmapId("nope".into()), "Lost");
        let names: Vec<&str> = workspace
            .roadmaps
            .iter()
            .map(|entry| entry.name.as_str())
            .collect();
        assert_eq!(names, ["Data 2027", "Cloud 2028"]);
    }

    #[test]
    fn the_last_roadmap_cannot_be_removed() {
        let mut workspace = Workspace::new(entry("r1", "a"));
        assert!(!workspace.remove(&RoadmapId("r1".into())));
        assert!(!workspace.remove(&RoadmapId("nope".into())));
    }

    #[test]
    fn names_get_a_number_when_taken() {
        let mut workspace = Workspace::new(entry("r1", "Plan"));
        assert_eq!(workspace.unique_name("Other"), "Other");
        assert_eq!(workspace.unique_name("Plan"), "Plan (2)");
        workspace.add(entry("r2", "Plan (2)"));
        assert_eq!(workspace.unique_name("Plan"), "Plan (3)");
    }

    #[test]
    fn fresh_ids_skip_taken_ones() {
        let workspace = Workspace::new(entry("r100", "a"));
        assert_eq!(workspace.fresh_id(100).as_str(), "r101");
        assert_eq!(workspace.fresh_id(7).as_str(), "r7");
    }

    #[test]
    fn a_list_that_lacks_a_stored_roadmap_keeps_it() {
        // This tab has r1..r4 with r4 open (not stored yet); the list read from storage was
        // written by a tab that had not seen r2 or r4, and r3 was deleted there since.
        let mut mine = Workspace::new(entry("r1", "a"));
        for (id, name) in [("r2", "b"), ("r3", "c"), ("r4", "d")] {
            mine.add(entry(id, name));
        }
        let mut list = Workspace {
            active: RoadmapId("r5".into()),
            roadmaps: vec![entry("r1", "a renamed"), entry("r5", "theirs")],
        };
        let stored = ["r1", "r2", "r5"];
        let kept = mine.keep_in(&mut list, |id| stored.contains(&id.as_str()));
        let ids =
            |entries: &[RoadmapEntry]| entries.iter().map(|entry| entry.id.0.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&kept), ["r2", "r4"]);
        assert_eq!(ids(&list.roadmaps), ["r1", "r5", "r2", "r4"]);
        assert_eq!(
            list.roadmaps[0].name, "a renamed",
            "their name for a listed roadmap stays"
        );
        assert_eq!(list.active.as_str(), "r4");
    }

    #[test]
    fn a_broken_index_is_mended() {
        let broken = Workspace {
            active: RoadmapId("gone".into()),
            roadmaps: vec![entry("r1", "a"), entry("r1", "a again"), entry("r2", "b")],
        };
        let mended = broken.mended().expect("has roadmaps");
        assert_eq!(mended.active.as_str(), "r1");
        assert_eq!(mended.roadmaps.len(), 2);
        let empty = Workspace {
            active: RoadmapId("r1".into()),
            roadmaps: vec![],
        };
        assert!(empty.mended().is_none());
    }
}
