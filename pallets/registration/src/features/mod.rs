//! The logic of the registration pallet, one file per capability.

pub(crate) mod disputes;
pub(crate) mod notice;
pub(crate) mod review;
pub(crate) mod submission;
