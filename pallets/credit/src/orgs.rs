//! Organisation credit: per-role sub-limits and the lines an organisation grants its members.

use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

use crate::{
	pallet::{Config, Error, Event, Lines, OrgIdOf, Pallet, Proposals, RoleLimits},
	Amount, Organisations, Role, Terms, Unit,
};

impl<T: Config> Pallet<T> {
	/// Errors: `BadUnit`, and the deposit's hold.
	pub(crate) fn do_set_role_limit(
		admin: &T::AccountId,
		org: OrgIdOf<T>,
		unit: Unit,
		role: Role,
		limit: Option<Amount>,
	) -> DispatchResult {
		ensure!(unit.is_valid(), Error::<T>::BadUnit);
		let key = (org, unit, role);
		// The admin who set the previous limit gets its deposit back; the one setting the new
		// limit holds it from now on.
		if let Some((_, depositor, deposit)) = RoleLimits::<T>::take(&key) {
			Self::release_deposit(&depositor, deposit)?;
		}
		if let Some(l) = limit {
			let deposit = T::RoleLimitDeposit::get();
			Self::hold_deposit(admin, deposit)?;
			RoleLimits::<T>::insert(&key, (l, admin.clone(), deposit));
		}
		Self::deposit_event(Event::RoleLimitSet { org, unit, role, limit });
		Ok(())
	}

	/// Errors: `UnknownOrg`, `NotOrgMember`, `BadUnit`, `NoRoleLimit`, `LineExists`,
	/// `ProposalExists`, and the deposit's hold.
	pub(crate) fn do_open_org_line(
		member: &T::AccountId,
		org: OrgIdOf<T>,
		unit: Unit,
	) -> DispatchResult {
		let account = T::Organisations::account(&org).ok_or(Error::<T>::UnknownOrg)?;
		let role = T::Organisations::role(&org, member).ok_or(Error::<T>::NotOrgMember)?;
		ensure!(unit.is_valid(), Error::<T>::BadUnit);
		let (limit, _, _) =
			RoleLimits::<T>::get((org, unit, role)).ok_or(Error::<T>::NoRoleLimit)?;
		ensure!(!Lines::<T>::contains_key((&account, member, unit)), Error::<T>::LineExists);
		ensure!(
			!Proposals::<T>::contains_key((&account, member, unit)),
			Error::<T>::ProposalExists
		);
		let deposit = T::LineDeposit::get();
		Self::hold_deposit(member, deposit)?;
		// The terms record the sub-limit at opening, for people; the limit in force is the
		// role's whenever the line is used.
		let terms = Terms { limit, increase: None };
		Self::insert_line(&account, member, unit, terms, Some(org), member.clone(), deposit);
		Ok(())
	}
}
