//! Read-only queries behind the runtime API (`pallet-upkeep-runtime-api`).

use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating};

use crate::{pallet::*, types::*};

/// Most items one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

pub type ContractInfoOf<T> =
	ContractInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
pub type ProviderInfoOf<T> =
	ProviderInfo<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
pub type LeaderInfoOf<T> = LeaderInfo<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
pub type WindowOf<T> = Window<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// A contract with its members and terms.
	pub fn contract_info(id: ContractId) -> Option<ContractInfoOf<T>> {
		Contracts::<T>::get(id).map(|c| Self::info(id, c))
	}

	/// `owner`'s contracts in storage order, after `start_after` (which may be finished since),
	/// at most `limit` (capped at 1000).
	pub fn contracts_of(
		owner: T::AccountId,
		start_after: Option<ContractId>,
		limit: u32,
	) -> Vec<ContractInfoOf<T>> {
		let iter = match start_after {
			Some(id) => ContractsOf::<T>::iter_prefix_from(
				&owner,
				ContractsOf::<T>::hashed_key_for(&owner, id),
			),
			None => ContractsOf::<T>::iter_prefix(&owner),
		};
		iter.take(limit.min(MAX_PAGE) as usize)
			.filter_map(|(id, ())| Self::contract_info(id))
			.collect()
	}

	/// Every provider state of a contract (at most twice `MaxProviders` while a change is
	/// pending).
	pub fn providers_of(id: ContractId) -> Vec<ProviderInfoOf<T>> {
		Providers::<T>::iter_prefix(id)
			.map(|(provider, s)| ProviderInfo {
				provider,
				paid_until: s.paid_until,
				last_paid_at: s.last_paid_at,
				last_payer: s.last_payer,
				last_digest: s.last_digest,
				last_failed: s.last_failed.into_inner(),
				maintenance: s.maintenance.into_inner(),
			})
			.collect()
	}

	/// Who may pay `provider`'s next period at block `at` (the next block by default), with
	/// the window's end and the keepers that would count as failed; `None` for an unknown
	/// contract or provider, or before the period has elapsed.
	pub fn leader(
		id: ContractId,
		provider: T::AccountId,
		at: Option<BlockNumberFor<T>>,
	) -> Option<LeaderInfoOf<T>> {
		let contract = Contracts::<T>::get(id)?;
		let state = Providers::<T>::get(id, &provider)?;
		let members = contract.members_at(&state.paid_until);
		let at = at.unwrap_or_else(|| {
			frame_system::Pallet::<T>::block_number().saturating_add(One::one())
		});
		let n = members.keepers.len() as u32;
		let slot = Self::slot(&contract.terms, state.last_paid_at, n, at)?;
		let order = Self::leader_order(&members.keepers, state.last_paid_at);
		let keeper = order.get(slot.index as usize)?.clone();
		let failed = if slot.cycle == 0 { order[..slot.index as usize].to_vec() } else { order };
		Some(LeaderInfo {
			keeper,
			position: slot.index.saturating_add(1),
			window_start: slot.start,
			window_end: slot.end,
			cycle: slot.cycle,
			failed,
		})
	}

	/// The keepers' windows for `provider`'s next period, in leader order (first rotation).
	pub fn windows(id: ContractId, provider: T::AccountId) -> Vec<WindowOf<T>> {
		let Some(contract) = Contracts::<T>::get(id) else { return Vec::new() };
		let Some(state) = Providers::<T>::get(id, &provider) else { return Vec::new() };
		let members = contract.members_at(&state.paid_until);
		let first = state.last_paid_at.saturating_add(contract.terms.period);
		Self::leader_order(&members.keepers, state.last_paid_at)
			.into_iter()
			.enumerate()
			.map(|(i, keeper)| {
				let start =
					first.saturating_add(contract.terms.window.saturating_mul((i as u32).into()));
				Window { keeper, start, end: start.saturating_add(contract.terms.window) }
			})
			.collect()
	}

	/// A contract's kept payments, oldest first, after `start_after`, at most `limit` (capped
	/// at 1000).
	pub fn payments(
		id: ContractId,
		start_after: Option<PaymentSeq>,
		limit: u32,
	) -> Vec<PaymentOf<T>> {
		let Some(contract) = Contracts::<T>::get(id) else { return Vec::new() };
		let oldest = contract.next_payment.saturating_sub(T::MaxHistory::get().into());
		let from = start_after.map_or(oldest, |s| s.saturating_add(1).max(oldest));
		(from..contract.next_payment)
			.take(limit.min(MAX_PAGE) as usize)
			.filter_map(|seq| Payments::<T>::get(id, seq))
			.collect()
	}

	fn info(id: ContractId, c: ContractOf<T>) -> ContractInfoOf<T> {
		let (pending_keepers, pending_providers, pending_from) = match c.pending {
			Some(p) => (
				Some(p.members.keepers.into_inner()),
				Some(p.members.providers.into_inner()),
				Some(p.from),
			),
			None => (None, None, None),
		};
		ContractInfo {
			id,
			owner: c.owner,
			terms: c.terms,
			keepers: c.members.keepers.into_inner(),
			providers: c.members.providers.into_inner(),
			pending_keepers,
			pending_providers,
			pending_from,
			escrow: c.escrow,
			deposit: c.deposit,
			started: c.started,
			closed: c.closed,
			payments: c.next_payment,
		}
	}
}
