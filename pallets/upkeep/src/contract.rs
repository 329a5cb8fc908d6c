//! A contract's life: create, fund, change members, close, finish; providers' maintenance.

use codchain_support::deposit;
use frame_support::{ensure, traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

use crate::{pallet::*, types::*};

impl<T: Config> Pallet<T> {
	/// Creates a contract; returns its id.
	///
	/// Errors: those of [`Self::check_members`] and [`Self::check_terms`], `InsufficientFunds`,
	/// `IdsExhausted`.
	pub fn do_create(
		owner: &T::AccountId,
		members: MembersOf<T>,
		terms: Terms<BalanceOf<T>, BlockNumberFor<T>>,
		escrow: BalanceOf<T>,
	) -> Result<ContractId, DispatchError> {
		Self::check_members(&members)?;
		Self::check_terms(&terms)?;
		let id = NextContractId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		let deposit = Self::deposit_for(&[&members]);
		Self::hold(HoldReason::ContractDeposit, owner, deposit)?;
		Self::hold(HoldReason::Escrow, owner, escrow)?;

		let now = frame_system::Pallet::<T>::block_number();
		for provider in members.providers.iter() {
			Providers::<T>::insert(id, provider, Self::fresh_provider(now));
		}
		let (keepers, providers) = members.size();
		Contracts::<T>::insert(
			id,
			ContractDetails {
				owner: owner.clone(),
				terms,
				members,
				pending: None,
				escrow,
				deposit,
				started: now,
				closed: None,
				next_payment: 0,
			},
		);
		ContractsOf::<T>::insert(owner, id, ());
		NextContractId::<T>::put(next);
		Self::deposit_event(Event::Created {
			contract: id,
			owner: owner.clone(),
			keepers,
			providers,
			escrow,
			deposit,
		});
		Ok(id)
	}

	/// Errors: `UnknownContract`, `NotOwner`, `ContractClosed`, `InsufficientFunds`.
	pub fn do_top_up(owner: &T::AccountId, id: ContractId, amount: BalanceOf<T>) -> DispatchResult {
		let mut contract = Self::owned(owner, id)?;
		ensure!(contract.closed.is_none(), Error::<T>::ContractClosed);
		Self::hold(HoldReason::Escrow, owner, amount)?;
		contract.escrow = contract.escrow.saturating_add(amount);
		let escrow = contract.escrow;
		Contracts::<T>::insert(id, contract);
		Self::deposit_event(Event::ToppedUp { contract: id, amount, escrow });
		Ok(())
	}

	/// Errors: `UnknownContract`, `NotOwner`, `ContractClosed`, `ChangePending`, those of
	/// [`Self::check_members`], `InsufficientFunds`.
	pub fn do_change_members(
		owner: &T::AccountId,
		id: ContractId,
		members: MembersOf<T>,
	) -> DispatchResult {
		let mut contract = Self::owned(owner, id)?;
		ensure!(contract.closed.is_none(), Error::<T>::ContractClosed);
		Self::settle_pending(id, &mut contract)?;
		Self::check_members(&members)?;

		let now = frame_system::Pallet::<T>::block_number();
		let deposit = Self::deposit_for(&[&contract.members, &members]);
		Self::adjust_deposit(owner, &mut contract, deposit)?;
		for provider in members.providers.iter() {
			if !Providers::<T>::contains_key(id, provider) {
				Providers::<T>::insert(id, provider, Self::fresh_provider(now));
			}
		}
		let (keepers, providers) = members.size();
		contract.pending = Some(PendingMembers { members, from: now });
		Contracts::<T>::insert(id, contract);
		Self::deposit_event(Event::MembersChanged { contract: id, from: now, keepers, providers });
		Ok(())
	}

	/// Errors: `UnknownContract`, `NotOwner`, `ContractClosed`.
	pub fn do_close(owner: &T::AccountId, id: ContractId) -> DispatchResult {
		let mut contract = Self::owned(owner, id)?;
		ensure!(contract.closed.is_none(), Error::<T>::ContractClosed);
		let now = frame_system::Pallet::<T>::block_number();
		contract.closed = Some(now);
		Contracts::<T>::insert(id, contract);
		Self::deposit_event(Event::Closed { contract: id, at: now });
		Ok(())
	}

	/// Errors: `UnknownContract`, `NotOwner`, `NotClosed`, `PaymentsOutstanding`.
	pub fn do_finish(owner: &T::AccountId, id: ContractId) -> DispatchResult {
		let contract = Self::owned(owner, id)?;
		let closed = contract.closed.ok_or(Error::<T>::NotClosed)?;
		let now = frame_system::Pallet::<T>::block_number();
		let abandoned = now >= closed.saturating_add(Self::grace(&contract));
		if !abandoned {
			let outstanding = Providers::<T>::iter_prefix(id).any(|(provider, state)| {
				state.paid_until < closed
					&& contract.members_at(&state.paid_until).is_provider(&provider)
			});
			ensure!(!outstanding, Error::<T>::PaymentsOutstanding);
		}

		let bound = T::MaxProviders::get().saturating_mul(2);
		let _ = Providers::<T>::clear_prefix(id, bound, None);
		let _ = Payments::<T>::clear_prefix(id, T::MaxHistory::get(), None);
		Contracts::<T>::remove(id);
		ContractsOf::<T>::remove(owner, id);
		deposit::release::<_, T::Currency>(&HoldReason::Escrow.into(), owner, contract.escrow)?;
		deposit::release::<_, T::Currency>(
			&HoldReason::ContractDeposit.into(),
			owner,
			contract.deposit,
		)?;
		Self::deposit_event(Event::Finished {
			contract: id,
			owner: owner.clone(),
			refunded: contract.escrow,
			deposit: contract.deposit,
		});
		Ok(())
	}

	/// Errors: `UnknownContract`, `NotAProvider`, `BadMaintenanceWindow`, `MaintenanceTooLong`,
	/// `MaintenanceTooSoon`, `TooManyMaintenanceWindows`.
	pub fn do_declare_maintenance(
		provider: &T::AccountId,
		id: ContractId,
		start: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
	) -> DispatchResult {
		let contract = Contracts::<T>::get(id).ok_or(Error::<T>::UnknownContract)?;
		let mut state = Providers::<T>::get(id, provider).ok_or(Error::<T>::NotAProvider)?;
		ensure!(
			contract.members_at(&state.paid_until).is_provider(provider)
				|| contract.pending.as_ref().is_some_and(|p| p.members.is_provider(provider)),
			Error::<T>::NotAProvider
		);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(start >= now && end > start, Error::<T>::BadMaintenanceWindow);
		ensure!(end - start <= T::MaxMaintenanceLength::get(), Error::<T>::MaintenanceTooLong);
		if let Some(last) = state.maintenance_until {
			ensure!(
				start >= last.saturating_add(T::MaxMaintenanceLength::get()),
				Error::<T>::MaintenanceTooSoon
			);
		}
		state.maintenance.retain(|(_, e)| *e > now);
		state
			.maintenance
			.try_push((start, end))
			.map_err(|_| Error::<T>::TooManyMaintenanceWindows)?;
		state.maintenance_until = Some(end);
		Providers::<T>::insert(id, provider, state);
		Self::deposit_event(Event::MaintenanceDeclared {
			contract: id,
			provider: provider.clone(),
			start,
			end,
		});
		Ok(())
	}

	/// Makes a pending change the current members once no period begun under the old members
	/// can still be paid: every old provider is paid past the change, or one period and a full
	/// rotation have passed since it (its last period under the old members is abandoned).
	/// Drops the state of providers the change removed.
	///
	/// Errors: `ChangePending` while an old period can still be paid.
	pub(crate) fn settle_pending(id: ContractId, contract: &mut ContractOf<T>) -> DispatchResult {
		let Some(pending) = contract.pending.take() else { return Ok(()) };
		let now = frame_system::Pallet::<T>::block_number();
		let abandoned = now >= pending.from.saturating_add(Self::grace(contract));
		let unpaid = contract.members.providers.iter().any(|p| {
			Providers::<T>::get(id, p).is_some_and(|state| state.paid_until < pending.from)
		});
		if unpaid && !abandoned {
			contract.pending = Some(pending);
			return Err(Error::<T>::ChangePending.into());
		}
		for provider in contract.members.providers.iter() {
			if !pending.members.is_provider(provider) {
				Providers::<T>::remove(id, provider);
			}
		}
		contract.members = pending.members;
		let deposit = Self::deposit_for(&[&contract.members]);
		let owner = contract.owner.clone();
		Self::adjust_deposit(&owner, contract, deposit)
	}

	/// Blocks after which a period still unpaid is abandoned: one period and a full rotation of
	/// the larger keeper group.
	pub(crate) fn grace(contract: &ContractOf<T>) -> BlockNumberFor<T> {
		let keepers = contract
			.members
			.keepers
			.len()
			.max(contract.pending.as_ref().map_or(0, |p| p.members.keepers.len()));
		let rotation = contract.terms.window.saturating_mul((keepers as u32).into());
		contract.terms.period.saturating_add(rotation)
	}

	/// Errors: `NoKeepers`, `NoProviders`, `DuplicateMember`, `ProviderIsKeeper`.
	pub(crate) fn check_members(members: &MembersOf<T>) -> DispatchResult {
		ensure!(!members.keepers.is_empty(), Error::<T>::NoKeepers);
		ensure!(!members.providers.is_empty(), Error::<T>::NoProviders);
		for (i, k) in members.keepers.iter().enumerate() {
			ensure!(!members.keepers[..i].contains(k), Error::<T>::DuplicateMember);
		}
		for (i, p) in members.providers.iter().enumerate() {
			ensure!(!members.providers[..i].contains(p), Error::<T>::DuplicateMember);
			ensure!(!members.keepers.contains(p), Error::<T>::ProviderIsKeeper);
		}
		Ok(())
	}

	/// Errors: `ZeroPeriod`, `ZeroWindow`, `ZeroTolerance`, `BadSplit`.
	pub(crate) fn check_terms(terms: &Terms<BalanceOf<T>, BlockNumberFor<T>>) -> DispatchResult {
		ensure!(!terms.period.is_zero(), Error::<T>::ZeroPeriod);
		ensure!(!terms.window.is_zero(), Error::<T>::ZeroWindow);
		ensure!(terms.tolerance > 0, Error::<T>::ZeroTolerance);
		ensure!(terms.split.keepers().is_some(), Error::<T>::BadSplit);
		Ok(())
	}

	/// The deposit for a contract with these member lists.
	pub(crate) fn deposit_for(lists: &[&MembersOf<T>]) -> BalanceOf<T> {
		lists.iter().fold(T::ContractDeposit::get(), |acc, m| {
			let (k, p) = m.size();
			acc.saturating_add(T::KeeperDeposit::get().saturating_mul(k.into()))
				.saturating_add(T::ProviderDeposit::get().saturating_mul(p.into()))
		})
	}

	fn adjust_deposit(
		owner: &T::AccountId,
		contract: &mut ContractOf<T>,
		wanted: BalanceOf<T>,
	) -> DispatchResult {
		if wanted > contract.deposit {
			Self::hold(HoldReason::ContractDeposit, owner, wanted - contract.deposit)?;
		} else {
			deposit::release::<_, T::Currency>(
				&HoldReason::ContractDeposit.into(),
				owner,
				contract.deposit - wanted,
			)?;
		}
		contract.deposit = wanted;
		Ok(())
	}

	fn hold(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::hold::<_, T::Currency>(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientFunds.into())
	}

	fn fresh_provider(now: BlockNumberFor<T>) -> ProviderStateOf<T> {
		ProviderState {
			paid_until: now,
			last_paid_at: now,
			last_payer: None,
			last_digest: None,
			last_failed: BoundedVec::new(),
			maintenance: BoundedVec::new(),
			maintenance_until: None,
		}
	}

	/// Errors: `UnknownContract`, `NotOwner`.
	pub(crate) fn owned(
		owner: &T::AccountId,
		id: ContractId,
	) -> Result<ContractOf<T>, DispatchError> {
		let contract = Contracts::<T>::get(id).ok_or(Error::<T>::UnknownContract)?;
		ensure!(contract.owner == *owner, Error::<T>::NotOwner);
		Ok(contract)
	}
}
