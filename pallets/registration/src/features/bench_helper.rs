//! Benchmark support (`runtime-benchmarks` only): applications in notice for the benchmarks of
//! other pallets (objections).

use crate::{
	pallet::*,
	types::{Application, ApplicationRecord, ApplicationStatus},
};
use doid_primitives::{
	ApplicationId, AssetInfo, Digest, ElementKind, RegistryId, SubjectId, WorkingDays,
};

impl<T: Config> Pallet<T> {
	/// An application of `applicant` at `registry` put straight into public notice from today
	/// (a data resource without inputs, materials or services; `seed` makes its content digest
	/// unique). Skips submission and review, so `applicant` needs no roles.
	pub fn benchmark_application_in_notice(
		registry: RegistryId,
		applicant: SubjectId,
		seed: u32,
	) -> ApplicationId {
		let today = T::Calendar::today();
		let id = NextApplicationId::<T>::get();
		NextApplicationId::<T>::put(id.saturating_add(1));
		let application = Application {
			kind: ElementKind::DataResource,
			info: AssetInfo::longest_sample(false),
			content_digest: Digest::synthetic(0xA5, seed),
			inputs: Default::default(),
			services: Default::default(),
			materials: Default::default(),
			prior_registrations: Default::default(),
			declarations: Default::default(),
		};
		Self::index_application(id, &application);
		Self::add_pending_content(application.content_digest, applicant);
		ApplicationsByApplicant::<T>::insert(applicant, id, ());
		let mut record = ApplicationRecord {
			registry,
			applicant,
			application,
			status: ApplicationStatus::SubstantiveReview,
			submitted_on: today,
			acceptance_due: today,
			correction_last_day: None,
			reviewer: None,
			notice_start: None,
			notice_last_day: None,
			notice_remaining: None,
			recognised: None,
			reason_digest: None,
			report_digest: None,
		};
		Self::start_notice(id, &mut record).expect("benchmark registry exists, calendar has days");
		Applications::<T>::insert(id, record);
		id
	}
}
