//! Filing, admission (accept / dismiss as inadmissible) and withdrawal of objections.

use crate::{pallet::*, types::*};
use doid_primitives::{Digest, RegistriesInspect, SubjectsInspect, Timers, WorkingDays};
use frame_support::{
	ensure, storage::with_storage_layer, traits::fungible::MutateHold, BoundedVec,
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_file(
		who: T::AccountId,
		target: Target,
		grounds_digest: Digest,
		evidence: EvidenceOf<T>,
	) -> Result<ObjectionId, DispatchError> {
		let objector = Self::verified_subject(&who)?;
		let parties = Self::target_parties(target).ok_or(Error::<T>::TargetNotOpen)?;
		let respondent = parties.respondent;
		ensure!(
			objector != respondent && !T::Subjects::accounts_overlap(objector, respondent),
			Error::<T>::SelfObjection
		);
		ensure!(!grounds_digest.is_zero(), Error::<T>::InvalidGroundsDigest);
		for (i, e) in evidence.iter().enumerate() {
			ensure!(!e.is_zero(), Error::<T>::InvalidEvidenceDigest);
			ensure!(!evidence.iter().take(i).any(|x| x == e), Error::<T>::DuplicateEvidence);
		}
		let rules = T::Registries::rules(parties.registry).ok_or(Error::<T>::UnknownRegistry)?;
		let bond = <BalanceOf<T> as TryFrom<u128>>::try_from(rules.objection_bond)
			.map_err(|_| Error::<T>::BondOverflow)?;
		let id = NextObjectionId::<T>::get();
		ensure!(id <= MAX_OBJECTION_ID, Error::<T>::TooManyObjections);
		let mut open = OpenObjections::<T>::get(target);
		open.try_push(id).map_err(|_| Error::<T>::TooManyOpenObjections)?;

		// The first write; the currency changes nothing on error.
		if !bond.is_zero() {
			T::Currency::hold(&HoldReason::ObjectionBond.into(), &who, bond)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		NextObjectionId::<T>::put(id.saturating_add(1));
		OpenObjections::<T>::insert(target, open);
		OpenAsParty::<T>::mutate(objector, |n| *n = n.saturating_add(1));
		OpenAsParty::<T>::mutate(respondent, |n| *n = n.saturating_add(1));
		let mut obj = Objection {
			target,
			registry: parties.registry,
			objector,
			payer: who.clone(),
			respondent,
			bond,
			grounds_digest,
			evidence: evidence.clone(),
			status: ObjectionStatus::Filed,
			filed_on: T::Calendar::today(),
			accepted_on: None,
			response_last_day: None,
			response_digest: None,
			panel: BoundedVec::default(),
			arbitration_last_day: None,
			ballots: BoundedVec::default(),
			steps: 0,
		};
		Self::record(
			id,
			&mut obj,
			Action::Filed,
			Some(who.clone()),
			Some(objector),
			Some(grounds_digest),
		);
		Objections::<T>::insert(id, obj);
		Self::deposit_event(Event::Filed {
			objection: id,
			target,
			registry: parties.registry,
			objector,
			respondent,
			payer: who,
			bond,
			grounds_digest,
			evidence_digests: evidence,
		});
		Ok(id)
	}

	pub(crate) fn do_accept(who: T::AccountId, id: ObjectionId) -> DispatchResult {
		let mut obj = Self::open_objection(id)?;
		ensure!(T::Registries::is_operator(obj.registry, &who), Error::<T>::NotOperator);
		ensure!(obj.status == ObjectionStatus::Filed, Error::<T>::NotFiled);
		let parties = Self::target_parties(obj.target).ok_or(Error::<T>::TargetNotOpen)?;
		ensure!(parties.respondent == obj.respondent, Error::<T>::RespondentChanged);
		let rules = T::Registries::rules(obj.registry).ok_or(Error::<T>::UnknownRegistry)?;
		let today = T::Calendar::today();
		let last_day = T::Calendar::add_working_days(today, u32::from(rules.response_wd))
			.ok_or(Error::<T>::DateOutOfRange)?;
		let due = last_day.add_days(1).map_err(|_| Error::<T>::DateOutOfRange)?;
		let accepted = AcceptedOpen::<T>::get(obj.target);
		let accepted_after = accepted.checked_add(1).ok_or(Error::<T>::TooManyOpenObjections)?;
		let target_disputed = accepted == 0;

		// The timer and the target change together or not at all.
		with_storage_layer(|| -> DispatchResult {
			T::Calendar::schedule(Self::timer_of(PHASE_RESPONSE, id), due)
				.map_err(|_| Error::<T>::TimerFailed)?;
			if target_disputed {
				Self::open_target(obj.target).map_err(|_| Error::<T>::DisputeRefused)?;
			}
			Ok(())
		})?;
		AcceptedOpen::<T>::insert(obj.target, accepted_after);
		obj.status = ObjectionStatus::Accepted;
		obj.accepted_on = Some(today);
		obj.response_last_day = Some(last_day);
		Self::record(id, &mut obj, Action::Accepted, Some(who), None, None);
		let target = obj.target;
		Objections::<T>::insert(id, obj);
		Self::deposit_event(Event::Accepted {
			objection: id,
			target,
			response_last_day: last_day,
			target_disputed,
		});
		Ok(())
	}

	pub(crate) fn do_dismiss_inadmissible(
		who: T::AccountId,
		id: ObjectionId,
		reason_digest: Digest,
	) -> DispatchResult {
		let mut obj = Self::open_objection(id)?;
		ensure!(T::Registries::is_operator(obj.registry, &who), Error::<T>::NotOperator);
		ensure!(obj.status == ObjectionStatus::Filed, Error::<T>::NotFiled);
		ensure!(!reason_digest.is_zero(), Error::<T>::InvalidReasonDigest);

		Self::close(id, &mut obj, ObjectionStatus::Inadmissible);
		Self::remove_open(obj.target, id);
		Self::record(
			id,
			&mut obj,
			Action::DismissedInadmissible,
			Some(who),
			None,
			Some(reason_digest),
		);
		Self::deposit_event(Event::DismissedInadmissible { objection: id, reason_digest });
		Self::return_bond(id, &obj);
		Objections::<T>::insert(id, obj);
		Ok(())
	}

	pub(crate) fn do_withdraw(who: T::AccountId, id: ObjectionId) -> DispatchResult {
		let mut obj = Self::open_objection(id)?;
		let subject = T::Subjects::subject_of(&who);
		ensure!(who == obj.payer || subject == Some(obj.objector), Error::<T>::NotObjector);

		let target = obj.target;
		let was_accepted = obj.status.is_accepted_open();
		Self::close(id, &mut obj, ObjectionStatus::Withdrawn);
		Self::remove_open(target, id);
		let last = was_accepted && Self::dec_accepted(target);
		Self::record(id, &mut obj, Action::Withdrawn, Some(who), subject, None);
		Self::deposit_event(Event::Withdrawn { objection: id });
		Self::return_bond(id, &obj);
		Objections::<T>::insert(id, obj);
		if last {
			Self::release_after_last(id, target);
		}
		Ok(())
	}
}
