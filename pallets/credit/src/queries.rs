//! Read-only queries behind the runtime API (`pallet-credit-runtime-api`). Lists are paged by
//! `start_after` + `limit`; a cursor naming an item removed since still continues after it.

use alloc::{collections::btree_map::BTreeMap, collections::VecDeque, vec::Vec};
use frame_support::traits::Get;

use crate::{pallet::*, types::*};

/// Most items one page returns, whatever the caller asks.
pub const MAX_PAGE: u32 = 1000;

impl<T: Config> Pallet<T> {
	fn view(
		grantor: T::AccountId,
		grantee: T::AccountId,
		unit: Unit,
		line: LineOf<T>,
	) -> LineViewOf<T> {
		let now = frame_system::Pallet::<T>::block_number();
		let limit_now = Self::limit_now(&grantee, unit, &line, now).unwrap_or(0);
		let available = Self::available(&grantee, unit, &line);
		LineView { grantor, grantee, unit, line, limit_now, available }
	}

	pub fn line(grantor: T::AccountId, grantee: T::AccountId, unit: Unit) -> Option<LineViewOf<T>> {
		let line = Lines::<T>::get((&grantor, &grantee, unit))?;
		Some(Self::view(grantor, grantee, unit, line))
	}

	/// `who`'s lines on `side` (as grantor: the lines it granted), in storage order after the
	/// counterparty and unit `start_after`, at most `limit`.
	pub fn lines_of(
		who: T::AccountId,
		side: Side,
		start_after: Option<(T::AccountId, Unit)>,
		limit: u32,
	) -> Vec<LineViewOf<T>> {
		let take = limit.min(MAX_PAGE) as usize;
		match side {
			Side::Grantor => {
				let iter = match start_after {
					Some((other, unit)) => Lines::<T>::iter_prefix_from(
						(who.clone(),),
						Lines::<T>::hashed_key_for((&who, &other, unit)),
					),
					None => Lines::<T>::iter_prefix((who.clone(),)),
				};
				iter.take(take)
					.map(|((grantee, unit), line)| Self::view(who.clone(), grantee, unit, line))
					.collect()
			},
			Side::Grantee => {
				let iter = match start_after {
					Some((other, unit)) => LinesByGrantee::<T>::iter_prefix_from(
						(who.clone(),),
						LinesByGrantee::<T>::hashed_key_for((&who, &other, unit)),
					),
					None => LinesByGrantee::<T>::iter_prefix((who.clone(),)),
				};
				iter.take(take)
					.filter_map(|((grantor, unit), ())| {
						let line = Lines::<T>::get((&grantor, &who, unit))?;
						Some(Self::view(grantor, who.clone(), unit, line))
					})
					.collect()
			},
		}
	}

	/// Proposals for lines where `who` is on `side`, whoever proposed them, paged as
	/// `lines_of`.
	pub fn proposals_of(
		who: T::AccountId,
		side: Side,
		start_after: Option<(T::AccountId, Unit)>,
		limit: u32,
	) -> Vec<ProposalViewOf<T>> {
		let take = limit.min(MAX_PAGE) as usize;
		let keys: Vec<(T::AccountId, T::AccountId, Unit)> = match side {
			Side::Grantor => {
				let iter = match start_after {
					Some((other, unit)) => Proposals::<T>::iter_prefix_from(
						(who.clone(),),
						Proposals::<T>::hashed_key_for((&who, &other, unit)),
					),
					None => Proposals::<T>::iter_prefix((who.clone(),)),
				};
				iter.take(take).map(|((grantee, unit), _)| (who.clone(), grantee, unit)).collect()
			},
			Side::Grantee => {
				let iter = match start_after {
					Some((other, unit)) => ProposalsByGrantee::<T>::iter_prefix_from(
						(who.clone(),),
						ProposalsByGrantee::<T>::hashed_key_for((&who, &other, unit)),
					),
					None => ProposalsByGrantee::<T>::iter_prefix((who.clone(),)),
				};
				iter.take(take).map(|((grantor, unit), ())| (grantor, who.clone(), unit)).collect()
			},
		};
		keys.into_iter()
			.filter_map(|(grantor, grantee, unit)| {
				let (by, _, proposal) = Proposals::<T>::get((&grantor, &grantee, unit))?;
				let (proposer, recipient) = match by {
					Side::Grantor => (grantor, grantee),
					Side::Grantee => (grantee, grantor),
				};
				Some(ProposalView { proposer, side: by, recipient, unit, proposal })
			})
			.collect()
	}

	/// The most `from` can pay `to` in one hop: what `to` owes `from`, plus what `to`'s line
	/// to `from` still allows.
	pub fn capacity(from: T::AccountId, to: T::AccountId, unit: Unit) -> Amount {
		let owed = Lines::<T>::get((&from, &to, unit)).map_or(0, |l| l.debt);
		let credit =
			Lines::<T>::get((&to, &from, unit)).map_or(0, |l| Self::available(&from, unit, &l));
		owed.saturating_add(credit)
	}

	/// `role`'s sub-limits an organisation set, by unit.
	pub fn role_limits(org: OrgIdOf<T>) -> Vec<(Unit, Role, Amount)> {
		RoleLimits::<T>::iter_prefix((org,))
			.take(MAX_PAGE as usize)
			.map(|((unit, role), (limit, _, _))| (unit, role, limit))
			.collect()
	}

	/// A route (the accounts after the payer, the payee last) over which `from` can pay
	/// `amount` to `to`, with the fewest hops, at most `MaxHops`. The search is breadth first
	/// and examines at most `MaxPathSearch` lines, so a node spends a bounded effort on it;
	/// `None` when no route was found within that.
	pub fn find_path(
		from: T::AccountId,
		to: T::AccountId,
		unit: Unit,
		amount: Amount,
	) -> Option<Vec<T::AccountId>> {
		if from == to || amount == 0 {
			return None;
		}
		let mut budget = T::MaxPathSearch::get();
		let max_hops = T::MaxHops::get();
		// Each reached account, the one it was reached from and its distance in hops.
		let mut parent: BTreeMap<T::AccountId, (Option<T::AccountId>, u32)> = BTreeMap::new();
		parent.insert(from.clone(), (None, 0));
		let mut queue = VecDeque::from([from.clone()]);
		while let Some(x) = queue.pop_front() {
			let depth = parent.get(&x).map_or(0, |p| p.1);
			if depth >= max_hops {
				continue;
			}
			// Accounts `x` may pay: those owing it, and those that granted it a line.
			let owing = Lines::<T>::iter_prefix((x.clone(),)).map(|((y, u), _)| (y, u));
			let granting =
				LinesByGrantee::<T>::iter_prefix((x.clone(),)).map(|((y, u), ())| (y, u));
			let mut next = Vec::new();
			for (y, u) in owing.chain(granting) {
				if budget == 0 {
					return None;
				}
				budget -= 1;
				if u == unit && !parent.contains_key(&y) && !next.contains(&y) {
					next.push(y);
				}
			}
			for y in next {
				if Self::capacity(x.clone(), y.clone(), unit) < amount {
					continue;
				}
				parent.insert(y.clone(), (Some(x.clone()), depth + 1));
				if y == to {
					let mut route = Vec::new();
					let mut at = y;
					while at != from {
						let prev = parent.get(&at).and_then(|p| p.0.clone())?;
						route.push(at);
						at = prev;
					}
					route.reverse();
					return Some(route);
				}
				queue.push_back(y);
			}
		}
		None
	}
}
