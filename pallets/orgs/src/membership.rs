//! Organisations and their members: creation, join requests, roles, leaving, dissolution.

use frame_support::{ensure, pallet_prelude::*, traits::Get};
use sp_runtime::DispatchResult;

use crate::{
	pallet::{
		BalanceOf, Config, Error, Event, InfoOf, Members, NameOf, NextOrgId, Orgs, OrgsOf, Pallet,
		Requests,
	},
	AutomaticAccounts, JoinRequest, Membership, Org, OrgId, Role,
};

impl<T: Config> Pallet<T> {
	/// Errors: `JoinDepositTooLow`, and the deposits' holds.
	pub(crate) fn do_create(
		who: &T::AccountId,
		name: NameOf<T>,
		info: InfoOf<T>,
		join_deposit: BalanceOf<T>,
	) -> Result<OrgId, DispatchError> {
		ensure!(join_deposit >= T::MemberDeposit::get(), Error::<T>::JoinDepositTooLow);
		let id = NextOrgId::<T>::get();
		let next = id.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		let deposit = T::OrgDeposit::get();
		let member_deposit = T::MemberDeposit::get();
		Self::hold_deposit(who, deposit)?;
		Self::hold_deposit(who, member_deposit)?;
		let now = frame_system::Pallet::<T>::block_number();
		let account = Self::org_account(id);
		Orgs::<T>::insert(
			id,
			Org {
				account: account.clone(),
				name: name.clone(),
				info,
				creator: who.clone(),
				created: now,
				join_deposit,
				admins: 1,
				members: 1,
				requests: 0,
				nodes: 0,
				cod: None,
				rewards: None,
				depositor: who.clone(),
				deposit,
			},
		);
		Members::<T>::insert(
			id,
			who,
			Membership { role: Role::Admin, since: now, deposit: member_deposit },
		);
		OrgsOf::<T>::insert(who, id, ());
		NextOrgId::<T>::put(next);
		Self::deposit_event(Event::Created { org: id, creator: who.clone(), account, name });
		Ok(id)
	}

	/// Errors: `UnknownOrg`, `NotAdmin`, `JoinDepositTooLow`.
	pub(crate) fn do_set_info(
		who: &T::AccountId,
		org: OrgId,
		name: NameOf<T>,
		info: InfoOf<T>,
		join_deposit: BalanceOf<T>,
	) -> DispatchResult {
		let mut o = Self::ensure_admin(org, who)?;
		ensure!(join_deposit >= T::MemberDeposit::get(), Error::<T>::JoinDepositTooLow);
		o.name = name.clone();
		o.info = info;
		o.join_deposit = join_deposit;
		Orgs::<T>::insert(org, o);
		Self::deposit_event(Event::InfoSet { org, name, join_deposit });
		Ok(())
	}

	/// Errors: `BadRole`, `UnknownOrg`, `AlreadyMember`, `AlreadyRequested`, the hold.
	pub(crate) fn do_request_join(who: &T::AccountId, org: OrgId, role: Role) -> DispatchResult {
		ensure!(role != Role::Admin, Error::<T>::BadRole);
		let mut o = Orgs::<T>::get(org).ok_or(Error::<T>::UnknownOrg)?;
		ensure!(!Members::<T>::contains_key(org, who), Error::<T>::AlreadyMember);
		ensure!(!Requests::<T>::contains_key(org, who), Error::<T>::AlreadyRequested);
		Self::hold_deposit(who, o.join_deposit)?;
		let at = frame_system::Pallet::<T>::block_number();
		Requests::<T>::insert(org, who, JoinRequest { role, at, deposit: o.join_deposit });
		o.requests = o.requests.saturating_add(1);
		Orgs::<T>::insert(org, o);
		Self::deposit_event(Event::JoinRequested { org, who: who.clone(), role });
		Ok(())
	}

	/// Removes `who`'s request and returns its deposit; `by` is the admin rejecting it (none:
	/// the requester cancels, which works also after the organisation was dissolved).
	///
	/// Errors: `NoRequest`.
	pub(crate) fn do_drop_request(
		org: OrgId,
		who: &T::AccountId,
		by: Option<T::AccountId>,
	) -> DispatchResult {
		let r = Requests::<T>::take(org, who).ok_or(Error::<T>::NoRequest)?;
		Self::release_deposit(who, r.deposit)?;
		Orgs::<T>::mutate(org, |o| {
			if let Some(o) = o {
				o.requests = o.requests.saturating_sub(1);
			}
		});
		Self::deposit_event(match by {
			Some(by) => Event::JoinRejected { org, who: who.clone(), by },
			None => Event::JoinCancelled { org, who: who.clone() },
		});
		Ok(())
	}

	/// Errors: `UnknownOrg`, `NotAdmin`, `NoRequest`, `TooManyMembers`.
	pub(crate) fn do_approve(
		admin: &T::AccountId,
		org: OrgId,
		who: &T::AccountId,
	) -> DispatchResult {
		let mut o = Self::ensure_admin(org, admin)?;
		let r = Requests::<T>::take(org, who).ok_or(Error::<T>::NoRequest)?;
		ensure!(o.members < T::MaxMembers::get(), Error::<T>::TooManyMembers);
		let since = frame_system::Pallet::<T>::block_number();
		Members::<T>::insert(org, who, Membership { role: r.role, since, deposit: r.deposit });
		OrgsOf::<T>::insert(who, org, ());
		o.members = o.members.saturating_add(1);
		o.requests = o.requests.saturating_sub(1);
		Orgs::<T>::insert(org, o);
		Self::deposit_event(Event::Joined {
			org,
			who: who.clone(),
			role: r.role,
			approved_by: admin.clone(),
		});
		Ok(())
	}

	/// Errors: `UnknownOrg`, `NotAdmin`, `NotMember`, `LastAdmin`.
	pub(crate) fn do_set_role(
		admin: &T::AccountId,
		org: OrgId,
		who: &T::AccountId,
		role: Role,
	) -> DispatchResult {
		let mut o = Self::ensure_admin(org, admin)?;
		let mut m = Members::<T>::get(org, who).ok_or(Error::<T>::NotMember)?;
		match (m.role == Role::Admin, role == Role::Admin) {
			(true, false) => {
				ensure!(o.admins > 1, Error::<T>::LastAdmin);
				o.admins = o.admins.saturating_sub(1);
			},
			(false, true) => o.admins = o.admins.saturating_add(1),
			_ => {},
		}
		m.role = role;
		Members::<T>::insert(org, who, m);
		Orgs::<T>::insert(org, o);
		Self::deposit_event(Event::RoleSet { org, who: who.clone(), role, by: admin.clone() });
		Ok(())
	}

	/// Takes `who` out of `org` (`by`: the admin removing it; none: it leaves) and returns its
	/// deposit. Errors: `UnknownOrg`, `NotMember`, `LastAdmin`.
	pub(crate) fn do_remove(
		org: OrgId,
		who: &T::AccountId,
		by: Option<T::AccountId>,
	) -> DispatchResult {
		let mut o = Orgs::<T>::get(org).ok_or(Error::<T>::UnknownOrg)?;
		let m = Members::<T>::get(org, who).ok_or(Error::<T>::NotMember)?;
		if m.role == Role::Admin {
			// The last admin dissolves the organisation instead: someone must maintain it.
			ensure!(o.admins > 1, Error::<T>::LastAdmin);
			o.admins = o.admins.saturating_sub(1);
		}
		Members::<T>::remove(org, who);
		OrgsOf::<T>::remove(who, org);
		Self::release_deposit(who, m.deposit)?;
		o.members = o.members.saturating_sub(1);
		Orgs::<T>::insert(org, o);
		Self::deposit_event(match by {
			Some(by) => Event::Removed { org, who: who.clone(), by },
			None => Event::Left { org, who: who.clone() },
		});
		Ok(())
	}

	/// Errors: `UnknownOrg`, `NotAdmin`, `NotEmpty` (other members, or nodes registered).
	/// Join requests still waiting stay for their requesters to cancel: a stranger's request
	/// never keeps an organisation alive.
	pub(crate) fn do_dissolve(admin: &T::AccountId, org: OrgId) -> DispatchResult {
		let o = Self::ensure_admin(org, admin)?;
		ensure!(o.members == 1 && o.nodes == 0, Error::<T>::NotEmpty);
		let m = Members::<T>::take(org, admin).ok_or(Error::<T>::NotMember)?;
		OrgsOf::<T>::remove(admin, org);
		Orgs::<T>::remove(org);
		Self::release_deposit(admin, m.deposit)?;
		Self::release_deposit(&o.depositor, o.deposit)?;
		Self::deposit_event(Event::Dissolved { org });
		Ok(())
	}

	/// Errors: `UnknownOrg`, `NotAdmin`, `NotAutomatic`.
	pub(crate) fn do_set_rewards(
		admin: &T::AccountId,
		org: OrgId,
		account: Option<T::AccountId>,
	) -> DispatchResult {
		let mut o = Self::ensure_admin(org, admin)?;
		if let Some(a) = &account {
			ensure!(T::AutomaticAccounts::is_automatic(a), Error::<T>::NotAutomatic);
		}
		o.rewards = account.clone();
		Orgs::<T>::insert(org, o);
		Self::deposit_event(Event::RewardsSet { org, account });
		Ok(())
	}
}
