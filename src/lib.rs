//! Stackplan: turn a strategy outline into a prioritized, phased roadmap, in the browser.

pub mod model;
