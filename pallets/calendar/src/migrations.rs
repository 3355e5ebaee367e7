//! Storage migrations of the calendar pallet.
//!
//! Version 1 is the first layout; there is nothing to migrate yet.

use frame_support::traits::StorageVersion;

/// The in-code storage version.
pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);
