//! The response, the arbitration panel and its votes, and court rulings.

use crate::{pallet::*, types::*};
use doid_primitives::{
	Digest, RegistriesInspect, SubjectRole, SubjectsInspect, Timers, WorkingDays,
};
use frame_support::ensure;
use sp_runtime::DispatchResult;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_appoint_panel(
		who: T::AccountId,
		id: ObjectionId,
		panel: Panel,
	) -> DispatchResult {
		let mut obj = Self::open_objection(id)?;
		ensure!(T::Registries::is_operator(obj.registry, &who), Error::<T>::NotOperator);
		match obj.status {
			ObjectionStatus::Accepted => {}
			ObjectionStatus::Arbitration => return Err(Error::<T>::PanelAlreadyAppointed.into()),
			_ => return Err(Error::<T>::NotAccepted.into()),
		}
		ensure!(matches!(panel.len(), 1 | 3 | 5), Error::<T>::InvalidPanelSize);
		for (i, a) in panel.iter().enumerate() {
			ensure!(
				!panel.iter().take(i).any(|b| a == b || T::Subjects::accounts_overlap(*a, *b)),
				Error::<T>::DuplicateArbitrator
			);
			ensure!(
				T::Subjects::has_role(*a, SubjectRole::Arbitrator),
				Error::<T>::ArbitratorNotQualified
			);
			ensure!(
				*a != obj.objector
					&& *a != obj.respondent
					&& !T::Subjects::accounts_overlap(*a, obj.objector)
					&& !T::Subjects::accounts_overlap(*a, obj.respondent),
				Error::<T>::ArbitratorConflict
			);
		}
		let rules = T::Registries::rules(obj.registry).ok_or(Error::<T>::UnknownRegistry)?;
		let today = T::Calendar::today();
		let last_day = T::Calendar::add_working_days(today, u32::from(rules.arbitration_wd))
			.ok_or(Error::<T>::DateOutOfRange)?;
		let due = last_day.add_days(1).map_err(|_| Error::<T>::DateOutOfRange)?;

		// The first write; the calendar changes nothing on error.
		T::Calendar::schedule(Self::timer_of(PHASE_ARBITRATION, id), due)
			.map_err(|_| Error::<T>::TimerFailed)?;
		obj.status = ObjectionStatus::Arbitration;
		obj.panel = panel.clone();
		obj.arbitration_last_day = Some(last_day);
		Self::record(id, &mut obj, Action::PanelAppointed, Some(who), None, None);
		Objections::<T>::insert(id, obj);
		Self::deposit_event(Event::PanelAppointed {
			objection: id,
			panel,
			arbitration_last_day: last_day,
		});
		Ok(())
	}

	pub(crate) fn do_respond(
		who: T::AccountId,
		id: ObjectionId,
		response_digest: Digest,
	) -> DispatchResult {
		let mut obj = Self::open_objection(id)?;
		let subject = T::Subjects::subject_of(&who);
		ensure!(subject == Some(obj.respondent), Error::<T>::NotRespondent);
		ensure!(obj.status.is_accepted_open(), Error::<T>::NotAccepted);
		ensure!(obj.response_digest.is_none(), Error::<T>::AlreadyResponded);
		let last_day = obj.response_last_day.ok_or(Error::<T>::NotAccepted)?;
		ensure!(T::Calendar::today() <= last_day, Error::<T>::ResponseDeadlinePassed);
		ensure!(!response_digest.is_zero(), Error::<T>::InvalidResponseDigest);

		// The response timer has nothing left to do (refused if it fired: nothing changes).
		let _ = T::Calendar::cancel(Self::timer_of(PHASE_RESPONSE, id));
		obj.response_digest = Some(response_digest);
		let respondent = obj.respondent;
		Self::record(
			id,
			&mut obj,
			Action::Responded,
			Some(who),
			Some(respondent),
			Some(response_digest),
		);
		Objections::<T>::insert(id, obj);
		Self::deposit_event(Event::Responded { objection: id, respondent, response_digest });
		Ok(())
	}

	pub(crate) fn do_vote(
		who: T::AccountId,
		id: ObjectionId,
		vote: Outcome,
		opinion_digest: Digest,
	) -> DispatchResult {
		let mut obj = Self::open_objection(id)?;
		ensure!(obj.status == ObjectionStatus::Arbitration, Error::<T>::NotInArbitration);
		let arbitrator = T::Subjects::subject_of(&who)
			.filter(|s| obj.panel.contains(s))
			.ok_or(Error::<T>::NotPanelMember)?;
		ensure!(T::Subjects::is_verified(arbitrator), Error::<T>::NotVerified);
		ensure!(!obj.ballots.iter().any(|b| b.arbitrator == arbitrator), Error::<T>::AlreadyVoted);
		let last_day = obj.arbitration_last_day.ok_or(Error::<T>::NotInArbitration)?;
		ensure!(T::Calendar::today() <= last_day, Error::<T>::ArbitrationDeadlinePassed);
		ensure!(!opinion_digest.is_zero(), Error::<T>::InvalidOpinionDigest);
		// Cannot fail: one ballot per panel member, at most `MAX_PANEL` members.
		obj.ballots
			.try_push(Ballot { arbitrator, vote, opinion_digest })
			.map_err(|_| Error::<T>::AlreadyVoted)?;

		Self::record(
			id,
			&mut obj,
			Action::Voted(vote),
			Some(who),
			Some(arbitrator),
			Some(opinion_digest),
		);
		Self::deposit_event(Event::Voted { objection: id, arbitrator, vote, opinion_digest });
		if obj.ballots.len() >= obj.panel.len() {
			let (up, down) = Self::tally(&obj.ballots);
			let outcome = if up > down { Outcome::Uphold } else { Outcome::Dismiss };
			let digest = Self::decision_digest(id, &obj.ballots);
			Self::decide(id, obj, outcome, DecidedBy::Panel, digest);
		} else {
			Objections::<T>::insert(id, obj);
		}
		Ok(())
	}

	pub(crate) fn do_court_ruling(
		who: T::AccountId,
		id: ObjectionId,
		outcome: Outcome,
		ruling_digest: Digest,
	) -> DispatchResult {
		let court = T::Subjects::subject_of(&who)
			.filter(|s| T::Subjects::has_role(*s, SubjectRole::Court))
			.ok_or(Error::<T>::NotCourt)?;
		let mut obj = Self::open_objection(id)?;
		ensure!(!ruling_digest.is_zero(), Error::<T>::InvalidRulingDigest);

		Self::record(
			id,
			&mut obj,
			Action::CourtRuling(outcome),
			Some(who),
			Some(court),
			Some(ruling_digest),
		);
		Self::deposit_event(Event::CourtRuling { objection: id, court, outcome, ruling_digest });
		Self::decide(id, obj, outcome, DecidedBy::Court(court), ruling_digest);
		Ok(())
	}
}
