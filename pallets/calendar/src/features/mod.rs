//! The pallet's capabilities, as `impl` blocks on [`crate::Pallet`]:
//!
//! - [`clock`]: the chain date ("today") and the clock origin recorded by the first block.
//! - [`days`]: holidays and adjusted working days; the [`doid_primitives::WorkingDays`] trait.
//! - [`timers`]: the agenda, its processing in `on_initialize`, `fire`, and the
//!   [`doid_primitives::Timers`] trait.

pub mod clock;
pub mod days;
pub mod timers;
