//! Shared primitives of the DOID chain.
//!
//! This crate contains the small, dependency-free building blocks that are
//! shared between the runtime (compiled to wasm, `no_std`), the node and the
//! command line tools:
//!
//! * [`checksum`]: ISO 7064 check characters (hybrid MOD 37,36 and pure
//!   MOD 11-2) and the GB 32100-2015 MOD 31 check of unified social credit
//!   codes.
//! * [`uscc`]: the 18-character unified social credit code (统一社会信用代码).
//! * [`person_id`]: the 18-character resident identity number
//!   (公民身份号码, GB 11643), used client-side only.
//! * [`registration_number`]: human readable registration numbers of the
//!   chain, `{PREFIX}{YYYY}{SERIAL}{CHECK}`.
//! * [`oid`]: bounded dotted object identifiers.
//! * [`digest`]: content digests tagged with their algorithm.
//! * [`date`]: calendar dates (`YYYYMMDD`) and the chain's day arithmetic.
//! * [`asset`]: registered data elements, certificate states and the traits
//!   between registration, certificates and objections.
//! * [`text`]: validation of on-chain text fields.
//!
//! Every validation returns a module-specific error enum; nothing in this
//! crate panics on any input.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;

pub mod asset;
pub mod calendar;
pub mod checksum;
pub mod date;
pub mod digest;
pub mod oid;
pub mod person_id;
pub mod registration_number;
pub mod registry;
pub mod text;
pub mod uscc;

pub use asset::*;
pub use calendar::*;
pub use checksum::{
	mod11_2_check_char, mod11_2_verify, mod37_36_check_char, mod37_36_verify,
	uscc_mod31_check_char, uscc_mod31_verify, ChecksumError,
};
pub use date::{chain_date, date_of_timestamp, Date, DateError, MILLIS_PER_DAY};
pub use digest::{Digest, DigestAlgorithm, DigestError};
pub use oid::{Oid, OidError, DEV_OID_ROOT, MAX_OID_LEN};
pub use person_id::{ResidentIdError, ResidentIdNumber};
pub use registration_number::{RegistrationNumber, RegistrationNumberError};
pub use registry::*;
pub use uscc::{Uscc, UsccError};
