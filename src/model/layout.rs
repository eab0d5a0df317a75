//! Where the grid shows each initiative so that no card hides another: at its scores when
//! there is room, spread a little when cards crowd one spot, gathered into a cluster chip
//! when even that finds no room.

use super::{Initiative, InitiativeId};

/// The room an item takes, as fractions of the plot's width and height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Footprint {
    pub width: f64,
    pub height: f64,
}

/// The room a card and a cluster chip take on the plot (a chip is smaller than a card).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Footprints {
    pub card: Footprint,
    pub chip: Footprint,
}

/// A point on the plot: fractions from the left and from the top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
}

impl Spot {
    /// Where an initiative's scores put it: effort left to right, impact bottom to top.
    pub fn of(initiative: &Initiative) -> Spot {
        Spot {
            x: initiative.effort.fraction(),
            y: 1.0 - initiative.impact.fraction(),
        }
    }
}

/// One thing drawn on the grid.
#[derive(Clone, Debug, PartialEq)]
pub enum GridItem {
    Card {
        id: InitiativeId,
        at: Spot,
    },
    /// Several initiatives too crowded to show apart. `first` names the cluster: the
    /// initiative whose spot it took. `members` are the positions of its initiatives in the
    /// list laid out (`first`'s included): a drag re-lays out every initiative, and positions
    /// cost nothing to copy and compare.
    Cluster {
        first: InitiativeId,
        members: Vec<usize>,
        at: Spot,
    },
}

impl GridItem {
    pub fn at(&self) -> Spot {
        match self {
            GridItem::Card { at, .. } | GridItem::Cluster { at, .. } => *at,
        }
    }
}

/// An item while the board is laid out: initiatives by their position in the list.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Card(usize),
    Cluster(Vec<usize>),
}

impl Slot {
    fn footprint(&self, sizes: &Footprints) -> Footprint {
        match self {
            Slot::Card(_) => sizes.card,
            Slot::Cluster(_) => sizes.chip,
        }
    }
}

/// Whether two items of these sizes, centred at these spots, would overlap.
fn overlap(a: Spot, a_size: Footprint, b: Spot, b_size: Footprint) -> bool {
    (a.x - b.x).abs() < (a_size.width + b_size.width) / 2.0 - 1e-9
        && (a.y - b.y).abs() < (a_size.height + b_size.height) / 2.0 - 1e-9
}

/// Offsets tried, in footprints, when a card's own spot is taken: straight down and up
/// first, then sideways, then the corners. Never further than one footprint.
const SPREAD: [(f64, f64); 9] = [
    (0.0, 0.0),
    (0.0, 1.0),
    (0.0, -1.0),
    (1.0, 0.0),
    (-1.0, 0.0),
    (1.0, 1.0),
    (-1.0, 1.0),
    (1.0, -1.0),
    (-1.0, -1.0),
];

/// How far, in card footprints, a crowded card goes to join an existing cluster before it
/// gathers with a nearer card instead.
const JOIN_CLUSTER_WITHIN: f64 = 1.5;

/// Which initiative the layout treats apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Apart<'a> {
    /// None: every initiative is laid out alike.
    None,
    /// The selected one goes first and is always a card at its own spot, so what the user
    /// works on never disappears into a cluster.
    Pinned(&'a InitiativeId),
    /// The one being dragged is left out: it floats above the others until it is dropped,
    /// so a step of a drag moves one card and re-lays out nothing else.
    Floating(&'a InitiativeId),
}

/// Lays out initiatives in the order given, one treated `apart`. Members of clusters are
/// positions in that order. Deterministic: the same input gives the same layout.
pub fn arrange<'a>(
    initiatives: impl IntoIterator<Item = &'a Initiative>,
    apart: Apart<'_>,
    sizes: Footprints,
) -> Vec<GridItem> {
    let initiatives: Vec<&Initiative> = initiatives.into_iter().collect();
    let mut board = Board::new(sizes);
    let position_of = |id: &InitiativeId| initiatives.iter().position(|initiative| &initiative.id == id);
    let (pinned, floating) = match apart {
        Apart::None => (None, None),
        Apart::Pinned(id) => (position_of(id), None),
        Apart::Floating(id) => (None, position_of(id)),
    };
    if let Some(position) = pinned {
        board.place_card(position, Spot::of(initiatives[position]), true);
    }
    for (position, initiative) in initiatives.iter().enumerate() {
        if Some(position) != pinned && Some(position) != floating {
            board.add(position, Spot::of(initiative));
        }
    }
    board
        .items
        .into_iter()
        .map(|placed| match placed.slot {
            Slot::Card(position) => GridItem::Card {
                id: initiatives[position].id.clone(),
                at: placed.at,
            },
            Slot::Cluster(members) => GridItem::Cluster {
                first: initiatives[members[0]].id.clone(),
                members,
                at: placed.at,
            },
        })
        .collect()
}

struct Placed {
    slot: Slot,
    at: Spot,
    pinned: bool,
}

/// Placed items with a spatial index of card-sized cells, so each lookup checks only the
/// neighbouring cells: laying out n initiatives costs O(n).
struct Board {
    sizes: Footprints,
    /// The card's footprint: the index's cell size, and the unit of spreading.
    footprint: Footprint,
    items: Vec<Placed>,
    /// Indexes of the items whose spot lies in each cell, row by row: the plot is bounded,
    /// so a flat grid beats hashing.
    cells: Vec<Vec<usize>>,
    /// Cells where a card found no room even spread: the next crowded card there goes
    /// straight to a cluster. On a saturated board this skips most of the search.
    full: Vec<bool>,
    /// The cluster the last crowded card of each full cell joined: the next ones join it too.
    joined: Vec<Option<usize>>,
    columns: usize,
    rows: usize,
}

impl Board {
    fn new(sizes: Footprints) -> Board {
        // Smaller than a hundredth of the plot is not a card one could read; the floor also
        // bounds the index at 100 x 100 cells.
        let at_least = |size: Footprint| Footprint {
            width: size.width.max(0.01),
            height: size.height.max(0.01),
        };
        let card = at_least(sizes.card);
        let columns = (1.0 / card.width).ceil() as usize + 1;
        let rows = (1.0 / card.height).ceil() as usize + 1;
        Board {
            sizes: Footprints {
                card,
                chip: Footprint {
                    width: at_least(sizes.chip).width.min(card.width),
                    height: at_least(sizes.chip).height.min(card.height),
                },
            },
            footprint: card,
            items: Vec::new(),
            cells: vec![Vec::new(); columns * rows],
            full: vec![false; columns * rows],
            joined: vec![None; columns * rows],
            columns,
            rows,
        }
    }

    /// The cell of a spot; spots lie on the plot, and anything past its edge counts as the edge.
    fn cell_of(&self, spot: Spot) -> (usize, usize) {
        let index = |fraction: f64, size: f64, count: usize| {
            ((fraction / size).floor().max(0.0) as usize).min(count - 1)
        };
        (
            index(spot.x, self.footprint.width, self.columns),
            index(spot.y, self.footprint.height, self.rows),
        )
    }

    /// Indexes of placed items whose cells lie within `reach` cells of `spot`.
    fn near(&self, spot: Spot, reach: usize) -> impl Iterator<Item = usize> + '_ {
        let (column, row) = self.cell_of(spot);
        let columns = column.saturating_sub(reach)..=(column + reach).min(self.columns - 1);
        let rows = row.saturating_sub(reach)..=(row + reach).min(self.rows - 1);
        rows.flat_map(move |row| {
            columns
                .clone()
                .flat_map(move |column| self.cells[row * self.columns + column].iter().copied())
        })
    }

    /// Whether a card fits at `spot` without touching any placed item.
    fn is_free(&self, spot: Spot) -> bool {
        self.near(spot, 1).all(|index| {
            let placed = &self.items[index];
            !overlap(
                spot,
                self.sizes.card,
                placed.at,
                placed.slot.footprint(&self.sizes),
            )
        })
    }

    fn place_card(&mut self, position: usize, at: Spot, pinned: bool) {
        let (column, row) = self.cell_of(at);
        self.cells[row * self.columns + column].push(self.items.len());
        self.items.push(Placed {
            slot: Slot::Card(position),
            at,
            pinned,
        });
    }

    fn add(&mut self, position: usize, own: Spot) {
        let (column, row) = self.cell_of(own);
        let cell = row * self.columns + column;
        let free = (!self.full[cell])
            .then(|| {
                SPREAD
                    .iter()
                    .map(|(dx, dy)| Spot {
                        x: own.x + dx * self.footprint.width,
                        y: own.y + dy * self.footprint.height,
                    })
                    .filter(|spot| (0.0..=1.0).contains(&spot.x) && (0.0..=1.0).contains(&spot.y))
                    .find(|spot| self.is_free(*spot))
            })
            .flatten();
        if let Some(spot) = free {
            self.place_card(position, spot, false);
            return;
        }
        self.full[cell] = true;
        if let Some(index) = self.joined[cell]
            && let Slot::Cluster(members) = &mut self.items[index].slot
        {
            members.push(position);
            return;
        }
        // No room within one footprint: join a cluster close by, so cards around it stay
        // cards, or else gather with the nearest card that is not pinned.
        let distance = |spot: Spot| {
            let dx = (spot.x - own.x) / self.footprint.width;
            let dy = (spot.y - own.y) / self.footprint.height;
            dx * dx + dy * dy
        };
        // One pass over the neighbourhood: the nearest cluster and the nearest item of any kind.
        let mut nearest_cluster: Option<(f64, usize)> = None;
        let mut nearest_item: Option<(f64, usize)> = None;
        let closer = |best: Option<(f64, usize)>, candidate: (f64, usize)| match best {
            Some(best)
                if best
                    .0
                    .total_cmp(&candidate.0)
                    .then(best.1.cmp(&candidate.1))
                    .is_le() =>
            {
                Some(best)
            }
            _ => Some(candidate),
        };
        for index in self.near(own, 2) {
            let placed = &self.items[index];
            if placed.pinned {
                continue;
            }
            let candidate = (distance(placed.at), index);
            if matches!(placed.slot, Slot::Cluster(_)) {
                nearest_cluster = closer(nearest_cluster, candidate);
            }
            nearest_item = closer(nearest_item, candidate);
        }
        let nearest = nearest_cluster
            .filter(|(distance, _)| *distance <= JOIN_CLUSTER_WITHIN * JOIN_CLUSTER_WITHIN)
            .or(nearest_item)
            .map(|(_, index)| index);
        let Some(index) = nearest else {
            // Only the pinned card is near: show this one beside it anyway.
            self.place_card(position, own, false);
            return;
        };
        let slot = &mut self.items[index].slot;
        match slot {
            Slot::Card(first) => *slot = Slot::Cluster(vec![*first, position]),
            Slot::Cluster(members) => members.push(position),
        }
        self.joined[cell] = Some(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Roadmap, Score};

    const CARD: Footprint = Footprint {
        width: 0.2,
        height: 0.08,
    };
    const SIZES: Footprints = Footprints {
        card: CARD,
        chip: Footprint {
            width: 0.08,
            height: 0.06,
        },
    };

    fn roadmap_at(spots: &[(f64, f64)]) -> (Roadmap, Vec<InitiativeId>) {
        let mut roadmap = Roadmap::new("Plan");
        let ids = spots
            .iter()
            .enumerate()
            .map(|(n, (effort, impact))| {
                let id = roadmap.add_initiative(format!("Card {n}"));
                roadmap.place(&id, Score::clamped(*effort), Score::clamped(*impact));
                id
            })
            .collect();
        (roadmap, ids)
    }

    fn members(items: &[GridItem]) -> usize {
        items
            .iter()
            .map(|item| match item {
                GridItem::Card { .. } => 1,
                GridItem::Cluster { members, .. } => members.len(),
            })
            .sum()
    }

    /// Checks every pair by its own arithmetic (not the layout's `overlap`): apart along
    /// at least one axis by half their widths or heights together.
    fn no_two_overlap(items: &[GridItem]) {
        let footprint = |item: &GridItem| match item {
            GridItem::Card { .. } => SIZES.card,
            GridItem::Cluster { .. } => SIZES.chip,
        };
        for (a, first) in items.iter().enumerate() {
            for second in &items[a + 1..] {
                let (one, other) = (first.at(), second.at());
                let (one_size, other_size) = (footprint(first), footprint(second));
                let apart = (one.x - other.x).abs() >= (one_size.width + other_size.width) / 2.0 - 1e-6
                    || (one.y - other.y).abs() >= (one_size.height + other_size.height) / 2.0 - 1e-6;
                assert!(apart, "{first:?} overlaps {second:?}");
            }
        }
    }

    #[test]
    fn cards_with_room_sit_exactly_at_their_scores() {
        let (roadmap, ids) = roadmap_at(&[(1.0, 10.0), (10.0, 1.0), (5.5, 5.5)]);
        let items = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        assert_eq!(items.len(), 3);
        for (item, initiative) in items.iter().zip(&roadmap.initiatives) {
            assert_eq!(
                item,
                &GridItem::Card {
                    id: initiative.id.clone(),
                    at: Spot::of(initiative)
                }
            );
        }
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn cards_on_one_spot_spread_a_little_then_gather_into_a_cluster() {
        let (roadmap, ids) = roadmap_at(&[(5.5, 5.5); 12]);
        let items = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        no_two_overlap(&items);
        assert_eq!(members(&items), 12, "every initiative is shown once");
        let cards = items
            .iter()
            .filter(|item| matches!(item, GridItem::Card { .. }))
            .count();
        assert_eq!(
            cards, 8,
            "the spot and its eight neighbours, one of them a cluster"
        );
        let centre = Spot::of(&roadmap.initiatives[0]);
        for item in &items {
            let at = item.at();
            assert!((at.x - centre.x).abs() <= CARD.width + 1e-9);
            assert!((at.y - centre.y).abs() <= CARD.height + 1e-9);
        }
        let (first, cluster) = items
            .iter()
            .find_map(|item| match item {
                GridItem::Cluster { first, members, .. } => Some((first.clone(), members.clone())),
                GridItem::Card { .. } => None,
            })
            .expect("a cluster");
        assert_eq!(cluster, vec![0, 9, 10, 11], "positions in the list laid out");
        assert_eq!(first, ids[0], "the first card's spot names the cluster");
    }

    #[test]
    fn a_card_on_a_taken_spot_tries_below_then_above_then_beside() {
        let (roadmap, _) = roadmap_at(&[(5.5, 5.5); 5]);
        let items = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        let centre = Spot::of(&roadmap.initiatives[0]);
        let offsets: Vec<(f64, f64)> = items
            .iter()
            .map(|item| {
                let at = item.at();
                (
                    ((at.x - centre.x) / CARD.width).round(),
                    ((at.y - centre.y) / CARD.height).round(),
                )
            })
            .collect();
        assert_eq!(
            offsets,
            [(0.0, 0.0), (0.0, 1.0), (0.0, -1.0), (1.0, 0.0), (-1.0, 0.0)]
        );
        for item in &items {
            let at = item.at();
            let steps = ((at.x - centre.x) / CARD.width, (at.y - centre.y) / CARD.height);
            assert!((steps.0 - steps.0.round()).abs() < 1e-9 && (steps.1 - steps.1.round()).abs() < 1e-9);
        }
    }

    #[test]
    fn crowding_in_a_corner_keeps_every_card_on_the_plot() {
        let (roadmap, _) = roadmap_at(&[(10.0, 10.0); 12]);
        let items = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        assert_eq!(members(&items), 12);
        for item in &items {
            let at = item.at();
            assert!(
                (0.0..=1.0).contains(&at.x) && (0.0..=1.0).contains(&at.y),
                "{item:?} is off the plot"
            );
        }
        no_two_overlap(&items);
    }

    #[test]
    fn a_crowded_spot_leaves_cards_elsewhere_at_their_own_spots() {
        // Twelve on one spot (a cluster forms there), then cards all over the rest of the
        // plot, each more than a footprint from the others and from the crowd.
        let mut spots = vec![(3.0, 3.0); 12];
        for effort in [7.0, 10.0] {
            for impact in [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0] {
                spots.push((effort, impact));
            }
        }
        for effort in [1.0, 3.0] {
            for impact in [5.0, 6.0, 7.0, 8.0, 9.0, 10.0] {
                spots.push((effort, impact));
            }
        }
        let (roadmap, ids) = roadmap_at(&spots);
        let items = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        assert!(items.iter().any(|item| matches!(item, GridItem::Cluster { .. })));
        for (id, initiative) in ids.iter().zip(&roadmap.initiatives).skip(12) {
            let card = GridItem::Card {
                id: id.clone(),
                at: Spot::of(initiative),
            };
            assert!(
                items.contains(&card),
                "{} is not a card at its own spot",
                initiative.title
            );
        }
    }

    #[test]
    fn the_pinned_card_is_never_clustered_and_sits_at_its_scores() {
        let (roadmap, ids) = roadmap_at(&[(5.5, 5.5); 30]);
        let pinned = &ids[17];
        let items = arrange(
            roadmap.initiatives.iter().map(AsRef::as_ref),
            Apart::Pinned(pinned),
            SIZES,
        );
        assert_eq!(
            items[0],
            GridItem::Card {
                id: pinned.clone(),
                at: Spot::of(&roadmap.initiatives[17])
            }
        );
        no_two_overlap(&items);
        assert_eq!(members(&items), 30);
    }

    #[test]
    fn a_dragged_card_floats_and_leaves_the_others_in_place() {
        let (roadmap, ids) = roadmap_at(&[(3.0, 3.0), (3.0, 3.0), (8.0, 8.0)]);
        let all = || roadmap.initiatives.iter().map(AsRef::as_ref);
        let floating = arrange(all(), Apart::Floating(&ids[2]), SIZES);
        assert_eq!(members(&floating), 2, "the dragged one is not laid out");
        // Wherever the dragged card goes, the others stay where they were.
        let mut moved = roadmap.clone();
        moved.place(&ids[2], Score::clamped(3.0), Score::clamped(3.0));
        let again = arrange(
            moved.initiatives.iter().map(AsRef::as_ref),
            Apart::Floating(&ids[2]),
            SIZES,
        );
        assert_eq!(floating, again);
    }

    #[test]
    fn ten_thousand_initiatives_stay_apart_and_all_counted() {
        let spots: Vec<(f64, f64)> = (0..10_000)
            .map(|n| {
                (
                    1.0 + f64::from(n * 37 % 91) / 10.0,
                    1.0 + f64::from(n * 53 % 91) / 10.0,
                )
            })
            .collect();
        let (roadmap, _) = roadmap_at(&spots);
        let items = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        assert_eq!(members(&items), 10_000);
        assert!(
            items.len() < 400,
            "a dense board shows clusters, not 10,000 cards: {}",
            items.len()
        );
        no_two_overlap(&items);
    }

    #[test]
    fn crowded_boards_keep_showing_cards_beside_their_clusters() {
        // Regression: every card used to be absorbed into a cluster from 400 initiatives on.
        // Sizes of compact cards on a 1280x720 screen.
        let sizes = Footprints {
            card: Footprint {
                width: 0.165,
                height: 0.046,
            },
            chip: Footprint {
                width: 0.085,
                height: 0.046,
            },
        };
        for count in [100u32, 400, 1_000, 10_000] {
            let spots: Vec<(f64, f64)> = (0..count)
                .map(|k| {
                    (
                        1.0 + f64::from((k * 7919 + 13) % 900) / 100.0,
                        1.0 + f64::from((k * 104_729 + 7) % 900) / 100.0,
                    )
                })
                .collect();
            let (roadmap, _) = roadmap_at(&spots);
            let items = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, sizes);
            let cards = items
                .iter()
                .filter(|item| matches!(item, GridItem::Card { .. }))
                .count();
            assert!(
                cards * 2 >= items.len(),
                "{count} initiatives: {cards} cards of {} items",
                items.len()
            );
            assert_eq!(members(&items), count as usize);
        }
    }

    #[test]
    fn the_same_roadmap_gives_the_same_layout() {
        let (roadmap, _) = roadmap_at(&[(3.0, 3.0), (3.1, 3.0), (3.0, 3.1), (3.2, 3.2), (3.0, 3.0)]);
        let first = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        let again = arrange(roadmap.initiatives.iter().map(AsRef::as_ref), Apart::None, SIZES);
        assert_eq!(first, again);
    }
}
