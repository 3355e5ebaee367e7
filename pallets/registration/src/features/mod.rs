//! The logic of the registration pallet, one file per capability.

#[cfg(feature = "runtime-benchmarks")]
pub(crate) mod bench_helper;
pub(crate) mod disputes;
pub(crate) mod notice;
pub(crate) mod review;
pub(crate) mod submission;
