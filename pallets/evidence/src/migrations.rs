//! Storage migrations of the evidence pallet.
//!
//! The first release stores [`crate::STORAGE_VERSION`] = 1; there is nothing to migrate yet.
//! Later layout changes add a `VersionedMigration` from 1 here.

/// The storage version of the first release.
pub const INITIAL_VERSION: u16 = 1;
