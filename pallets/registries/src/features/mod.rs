//! The logic of each capability of the pallet; the calls in `lib.rs` only check the origin.

pub mod inspect;
pub mod operators;
pub mod registries;
