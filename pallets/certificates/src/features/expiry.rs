//! Expiry by the calendar's timer.

use crate::{pallet::*, types::*, weights::WeightInfo};
use doid_primitives::{CertificateId, CertificateStatus};
use frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
	/// Handle the expiry timer with identifier `timer_id` ([`doid_primitives::TimerId::id`] of
	/// a timer owned by [`doid_primitives::TimerOwner::Certificates`]); the runtime's
	/// `TimerHandler` routes such timers here. Returns the weight used, at most
	/// [`Pallet::expiry_timer_weight`].
	///
	/// An in-force certificate becomes `Expired` (a pending change, transfer or cancellation is
	/// dropped), except a `Renewing` one, which stays in force until the registry decides. A
	/// stale timer (of an earlier generation, or of a certificate already final) does nothing.
	pub fn on_expiry_timer(timer_id: u64) -> Weight {
		let id: CertificateId = timer_id & MAX_CERTIFICATE_ID;
		let generation = timer_id >> TIMER_ID_BITS;
		let Some(mut cert) = Certificates::<T>::get(id) else {
			return T::DbWeight::get().reads(1);
		};
		if u64::from(cert.timer_generation) != generation
			|| !cert.status.is_in_force()
			|| cert.status == CertificateStatus::Renewing
		{
			return T::DbWeight::get().reads(1);
		}
		let Ok(version) = Self::next_version(&cert) else {
			return T::DbWeight::get().reads(1);
		};
		let dropped = Self::end_in_force(id, &cert, false);
		cert.version = version;
		cert.status = CertificateStatus::Expired;
		Self::commit(id, &cert, Change::Expired { dropped }, Actor::Timer, None);
		Self::deposit_event(Event::Expired { id, dropped });
		Self::expiry_timer_weight()
	}

	/// The worst-case weight of [`Pallet::on_expiry_timer`] (for the runtime's
	/// `TimerHandler::max_weight`).
	pub fn expiry_timer_weight() -> Weight {
		T::WeightInfo::on_expiry_timer()
	}
}
