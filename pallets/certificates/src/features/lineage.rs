//! Lineage (血缘): the ancestors and depth of a certificate citing inputs.

use crate::pallet::*;
use alloc::{collections::BTreeSet, vec::Vec};
use doid_primitives::{CertificateId, LineageError, MAX_ANCESTORS, MAX_INPUTS, MAX_LINEAGE_DEPTH};

impl<T: Config> Pallet<T> {
	/// The ancestor set (inputs and their ancestors, deduplicated, sorted) and the depth of a
	/// certificate citing `inputs`; reads one record and one ancestor set per input, writes
	/// nothing.
	///
	/// Errors: `UnknownInput`, `DuplicateInput`, `TooDeep` (depth above
	/// [`MAX_LINEAGE_DEPTH`]), `TooManyAncestors` (more than [`MAX_ANCESTORS`] ancestors, or
	/// more than `MAX_INPUTS` inputs).
	pub fn compute_lineage(inputs: &[CertificateId]) -> Result<(AncestorSet, u8), LineageError> {
		if inputs.len() > MAX_INPUTS as usize {
			return Err(LineageError::TooManyAncestors);
		}
		for (i, input) in inputs.iter().enumerate() {
			if inputs.iter().take(i).any(|x| x == input) {
				return Err(LineageError::DuplicateInput);
			}
		}
		let mut set: BTreeSet<CertificateId> = BTreeSet::new();
		let mut depth: u8 = 0;
		for input in inputs {
			let cert = Certificates::<T>::get(input).ok_or(LineageError::UnknownInput)?;
			depth = depth.max(cert.lineage_depth.saturating_add(1));
			if depth > MAX_LINEAGE_DEPTH {
				return Err(LineageError::TooDeep);
			}
			set.insert(*input);
			if let Some(ancestors) = Ancestors::<T>::get(input) {
				set.extend(ancestors);
			}
			if set.len() > MAX_ANCESTORS as usize {
				return Err(LineageError::TooManyAncestors);
			}
		}
		let ancestors = AncestorSet::try_from(set.into_iter().collect::<Vec<_>>())
			.map_err(|_| LineageError::TooManyAncestors)?;
		Ok((ancestors, depth))
	}

	/// Whether every ancestor of `id` is in force today (computed on read).
	pub fn lineage_ok(id: CertificateId) -> bool {
		let today = Self::today();
		Ancestors::<T>::get(id).map_or(true, |ancestors| {
			ancestors.iter().all(|a| {
				Certificates::<T>::get(a)
					.is_some_and(|c| Self::effective_status(&c, today).is_in_force())
			})
		})
	}
}
