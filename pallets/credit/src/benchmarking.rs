//! Benchmarks of every call (frame-benchmarking v2), each in the worst case a user can build:
//! acting for an organisation (its role checked), lines granted by organisations by role (the
//! role and the sub-limit read on use), revoked lines cleared and removed with their deposits
//! returned to distinct accounts, real signatures checked.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, StaticLookup};

use crate::{pallet::*, types::*, BenchmarkHelper, Organisations};

fn funded<T: Config>(who: &T::AccountId) {
	T::Currency::set_balance(who, BalanceOf::<T>::max_value() / 1_000u32.into());
}

fn user<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	funded::<T>(&who);
	who
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

fn unit() -> Unit {
	Unit(*b"BANDWDTH")
}

fn terms<T: Config>() -> TermsOf<T> {
	Terms {
		limit: 1_000_000,
		increase: Some(Increase { step: 1_000, every: 10u32.into(), cap: u128::MAX }),
	}
}

/// An organisation whose admin is a fresh funded account and with `member` as a member:
/// `(id, account, admin)`.
fn org<T: Config>(i: u32, member: &T::AccountId) -> (OrgIdOf<T>, T::AccountId, T::AccountId) {
	let admin = user::<T>("admin", i);
	let id = T::Organisations::create_for_benchmark(&admin, member);
	let account = T::Organisations::account(&id).expect("just created");
	(id, account, admin)
}

/// A line `grantor → grantee` whose deposit a distinct account holds, with `debt`.
fn line<T: Config>(
	grantor: &T::AccountId,
	grantee: &T::AccountId,
	org: Option<OrgIdOf<T>>,
	debt: Amount,
	revoked: bool,
	i: u32,
) {
	let depositor = user::<T>("depositor", i);
	let deposit = T::LineDeposit::get();
	Pallet::<T>::hold_deposit(&depositor, deposit).expect("funded");
	Pallet::<T>::insert_line(grantor, grantee, unit(), terms::<T>(), org, depositor, deposit);
	Lines::<T>::mutate((grantor, grantee, unit()), |l| {
		let l = l.as_mut().expect("just inserted");
		l.debt = debt;
		l.revoked = revoked;
	});
}

/// A line an organisation grants `member` by role, the role's sub-limit set.
fn org_line<T: Config>(org: OrgIdOf<T>, account: &T::AccountId, member: &T::AccountId, i: u32) {
	RoleLimits::<T>::insert(
		(org, unit(), Role::Member),
		(u128::MAX / 2, member.clone(), BalanceOf::<T>::from(0u32)),
	);
	line::<T>(account, member, Some(org), 0, false, i);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose_line() {
		let other = user::<T>("other", 0);
		let member = user::<T>("member", 0);
		let (id, _, admin) = org::<T>(0, &member);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(admin),
			lookup::<T>(&other),
			unit(),
			Side::Grantee,
			terms::<T>(),
			Some(id),
		);
		assert!(Proposals::<T>::iter().next().is_some());
	}

	#[benchmark]
	fn accept_line() {
		let proposer = user::<T>("proposer", 0);
		let member = user::<T>("member", 0);
		let (id, account, admin) = org::<T>(0, &member);
		Pallet::<T>::do_propose(
			&proposer,
			&proposer,
			Side::Grantor,
			&account,
			unit(),
			terms::<T>(),
		)
		.expect("proposes");
		#[extrinsic_call]
		_(
			RawOrigin::Signed(admin),
			lookup::<T>(&proposer),
			unit(),
			Side::Grantee,
			terms::<T>(),
			Some(id),
		);
		assert!(Lines::<T>::contains_key((&proposer, &account, unit())));
	}

	#[benchmark]
	fn drop_proposal() {
		let proposer = user::<T>("proposer", 0);
		let member = user::<T>("member", 0);
		let (id, account, admin) = org::<T>(0, &member);
		Pallet::<T>::do_propose(
			&proposer,
			&proposer,
			Side::Grantor,
			&account,
			unit(),
			terms::<T>(),
		)
		.expect("proposes");
		#[block]
		{
			Pallet::<T>::reject_proposal(
				RawOrigin::Signed(admin).into(),
				lookup::<T>(&proposer),
				unit(),
				Side::Grantee,
				Some(id),
			)
			.expect("rejects");
		}
		assert!(Proposals::<T>::iter().next().is_none());
	}

	#[benchmark]
	fn set_terms() {
		let grantee = user::<T>("grantee", 0);
		let member = user::<T>("member", 0);
		let (id, account, admin) = org::<T>(0, &member);
		line::<T>(&account, &grantee, None, 5, false, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), lookup::<T>(&grantee), unit(), terms::<T>(), Some(id));
	}

	#[benchmark]
	fn revoke_line() {
		let grantee = user::<T>("grantee", 0);
		let member = user::<T>("member", 0);
		let (id, account, admin) = org::<T>(0, &member);
		line::<T>(&account, &grantee, None, 0, false, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), lookup::<T>(&grantee), unit(), Some(id));
		assert!(!Lines::<T>::contains_key((&account, &grantee, unit())));
	}

	#[benchmark]
	fn close_line() {
		let grantor = user::<T>("grantor", 0);
		let member = user::<T>("member", 0);
		let (id, account, admin) = org::<T>(0, &member);
		line::<T>(&grantor, &account, None, 0, false, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), lookup::<T>(&grantor), unit(), Some(id));
		assert!(!Lines::<T>::contains_key((&grantor, &account, unit())));
	}

	#[benchmark]
	fn issue_iou() {
		// Organisation A borrows, acting through its admin, on a line organisation B grants
		// it by role.
		let member = user::<T>("member", 0);
		let (a, a_account, a_admin) = org::<T>(0, &member);
		let (b, b_account, _) = org::<T>(1, &a_account);
		org_line::<T>(b, &b_account, &a_account, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(a_admin), lookup::<T>(&b_account), unit(), 1_000, Some(a));
		assert_eq!(Lines::<T>::get((&b_account, &a_account, unit())).map(|l| l.debt), Some(1_000));
	}

	#[benchmark]
	fn submit_iou() {
		let borrower = T::BenchmarkHelper::signer(0);
		funded::<T>(&borrower);
		let (b, b_account, _) = org::<T>(1, &borrower);
		org_line::<T>(b, &b_account, &borrower, 0);
		let line = Lines::<T>::get((&b_account, &borrower, unit())).expect("opened").id;
		let iou = Iou {
			lender: b_account.clone(),
			borrower: borrower.clone(),
			unit: unit(),
			line,
			amount: 1_000,
			nonce: 0,
		};
		let signature = T::BenchmarkHelper::sign(&borrower, &Pallet::<T>::iou_payload(&iou));
		let submitter = user::<T>("submitter", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(submitter), iou, signature);
		assert_eq!(Lines::<T>::get((&b_account, &borrower, unit())).map(|l| l.iou_nonce), Some(1));
	}

	#[benchmark]
	fn accept_repayment() {
		// The last of a revoked line's debt: the line goes and its deposit is returned.
		let grantee = user::<T>("grantee", 0);
		let member = user::<T>("member", 0);
		let (id, account, admin) = org::<T>(0, &member);
		line::<T>(&account, &grantee, None, 1_000, true, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), lookup::<T>(&grantee), unit(), 1_000, Some(id));
		assert!(!Lines::<T>::contains_key((&account, &grantee, unit())));
	}

	/// Every hop `x → y` cancels a revoked line's last debt of `y` to `x` (the line goes, a
	/// distinct depositor gets its deposit back), then adds the rest to `x`'s debt on the line
	/// organisation `y` grants member `x` by role. The payer acts for an organisation too.
	#[benchmark]
	fn pay(h: Linear<1, { T::MaxHops::get() }>) {
		let first = user::<T>("member", 0);
		let (payer_org, payer, payer_admin) = org::<T>(0, &first);
		let mut route = Vec::new();
		let mut from = payer.clone();
		for i in 0..h {
			let (id, to, _) = org::<T>(i + 1, &from);
			line::<T>(&from, &to, None, 500, true, 2 * i);
			org_line::<T>(id, &to, &from, 2 * i + 1);
			route.push(to.clone());
			from = to;
		}
		let route: RouteOf<T> = BoundedVec::try_from(route).expect("h <= MaxHops");
		#[extrinsic_call]
		_(RawOrigin::Signed(payer_admin), route, unit(), 1_000, Some(payer_org));
	}

	/// A cycle of `e` debts among `e` accounts, each on a revoked line it clears (the line goes,
	/// a distinct depositor gets its deposit back).
	#[benchmark]
	fn net(e: Linear<2, { T::MaxNetEdges::get() }>) {
		let accounts: Vec<T::AccountId> = (0..e).map(|i| user::<T>("party", i)).collect();
		let mut edges = Vec::new();
		for i in 0..e as usize {
			let (lender, borrower) = (&accounts[i], &accounts[(i + 1) % e as usize]);
			line::<T>(lender, borrower, None, 1_000, true, i as u32);
			edges.push(NetEdge {
				lender: lender.clone(),
				borrower: borrower.clone(),
				amount: 1_000,
			});
		}
		let edges: EdgesOf<T> = BoundedVec::try_from(edges).expect("e <= MaxNetEdges");
		let by = user::<T>("netter", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(by), unit(), edges);
		assert!(Lines::<T>::iter().next().is_none());
	}

	#[benchmark]
	fn set_role_limit() {
		// Replacing a limit another admin set: its deposit goes back, this admin's is held.
		let member = user::<T>("member", 0);
		let (id, _, admin) = org::<T>(0, &member);
		let previous = user::<T>("previous", 0);
		let deposit = T::RoleLimitDeposit::get();
		Pallet::<T>::hold_deposit(&previous, deposit).expect("funded");
		RoleLimits::<T>::insert((id, unit(), Role::Member), (5u128, previous, deposit));
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, unit(), Role::Member, Some(1_000));
	}

	#[benchmark]
	fn open_org_line() {
		let member = user::<T>("member", 0);
		let (id, account, _) = org::<T>(0, &member);
		RoleLimits::<T>::insert(
			(id, unit(), Role::Member),
			(1_000u128, member.clone(), BalanceOf::<T>::from(0u32)),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), id, unit());
		assert!(Lines::<T>::contains_key((&account, &member, unit())));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
