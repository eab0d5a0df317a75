//! Stackplan: turn a strategy outline into a prioritized, phased roadmap, in the browser.

pub mod address;
pub mod app;
pub mod autosave;
pub mod canvas;
pub mod charts;
pub mod clipboard;
pub mod components;
pub mod files;
pub mod import;
pub mod media;
pub mod model;
pub mod stability_chart;
pub mod state;
pub mod storage;
pub mod timeline_chart;
