//! Every rule of SPEC §9.1 and issue 14's credit part, each with a test that fails if the rule
//! breaks, attacks included; the invariants (`try_state`) are checked at the end of every test
//! and after each step of the longer ones.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::traits::BadOrigin;

use crate::{mock::*, pallet::*, types::*, Event};

mod fuzz;

type E = Error<Test>;

fn check() {
	Credit::do_try_state().expect("invariants hold");
}

fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check();
	});
}

fn o(name: &str) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(name))
}

fn bw() -> Unit {
	Unit::from_symbol("BW").unwrap()
}

fn terms(limit: Amount) -> TermsOf<Test> {
	Terms { limit, increase: None }
}

fn held(name: &str) -> Balance {
	Balances::balance_on_hold(&HoldReason::Deposit.into(), &account(name))
}

fn debt(lender: &str, borrower: &str) -> Option<Amount> {
	Lines::<Test>::get((account(lender), account(borrower), bw())).map(|l| l.debt)
}

/// `grantor` grants `grantee` a line of `limit` BW: proposed by the grantor, accepted.
fn line(grantor: &str, grantee: &str, limit: Amount) {
	assert_ok!(Credit::propose_line(
		o(grantor),
		account(grantee),
		bw(),
		Side::Grantor,
		terms(limit),
		None
	));
	assert_ok!(Credit::accept_line(
		o(grantee),
		account(grantor),
		bw(),
		Side::Grantee,
		terms(limit),
		None
	));
}

fn borrow(borrower: &str, lender: &str, amount: Amount) {
	assert_ok!(Credit::issue_iou(o(borrower), account(lender), bw(), amount, None));
}

fn route(names: &[&str]) -> RouteOf<Test> {
	BoundedVec::try_from(names.iter().map(|n| account(n)).collect::<Vec<_>>()).unwrap()
}

fn edge(lender: &str, borrower: &str, amount: Amount) -> NetEdgeOf<Test> {
	NetEdge { lender: account(lender), borrower: account(borrower), amount }
}

fn edges(list: Vec<NetEdgeOf<Test>>) -> EdgesOf<Test> {
	BoundedVec::try_from(list).unwrap()
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[test]
fn units_are_symbols() {
	assert!(Unit::from_symbol("BW").is_some());
	assert!(Unit::from_symbol("USD_CENT").is_some());
	assert!(Unit::from_symbol("").is_none());
	assert!(Unit::from_symbol("TOOLONG12").is_none());
	assert!(Unit::from_symbol("bw").is_none());
	assert!(!Unit(*b"B\0W\0\0\0\0\0").is_valid(), "characters after the padding");
	run(|| {
		let bad = Unit(*b"b\0\0\0\0\0\0\0");
		assert_noop!(
			Credit::propose_line(o("Alice"), account("Bob"), bad, Side::Grantor, terms(5), None),
			E::BadUnit
		);
	});
}

#[test]
fn a_line_opens_when_the_other_side_accepts_the_same_terms() {
	run(|| {
		assert_ok!(Credit::propose_line(
			o("Bob"),
			account("Alice"),
			bw(),
			Side::Grantee,
			terms(100),
			None
		));
		assert_eq!(held("Bob"), LINE_DEPOSIT);
		check();
		// The proposer cannot accept its own proposal; the grantor must.
		assert_noop!(
			Credit::accept_line(o("Bob"), account("Alice"), bw(), Side::Grantee, terms(100), None),
			E::NoProposal
		);
		assert_noop!(
			Credit::accept_line(o("Alice"), account("Bob"), bw(), Side::Grantor, terms(1000), None),
			E::TermsMismatch
		);
		assert_ok!(Credit::accept_line(
			o("Alice"),
			account("Bob"),
			bw(),
			Side::Grantor,
			terms(100),
			None
		));
		let l = Lines::<Test>::get((account("Alice"), account("Bob"), bw())).unwrap();
		assert_eq!((l.terms.limit, l.debt, l.depositor.clone()), (100, 0, account("Bob")));
		assert_eq!(held("Bob"), LINE_DEPOSIT, "the proposal's deposit stays for the line");
		assert!(Proposals::<Test>::iter().next().is_none());
		assert_noop!(
			Credit::propose_line(o("Alice"), account("Bob"), bw(), Side::Grantor, terms(5), None),
			E::LineExists
		);
	});
}

#[test]
fn proposals_are_checked_and_can_be_withdrawn_or_rejected() {
	run(|| {
		assert_noop!(
			Credit::propose_line(o("Alice"), account("Alice"), bw(), Side::Grantor, terms(5), None),
			E::SelfLine
		);
		assert_noop!(
			Credit::propose_line(o("Alice"), account("Bob"), bw(), Side::Grantor, terms(0), None),
			E::BadTerms
		);
		let bad = Terms { limit: 10, increase: Some(Increase { step: 1, every: 5, cap: 10 }) };
		assert_noop!(
			Credit::propose_line(o("Alice"), account("Bob"), bw(), Side::Grantor, bad, None),
			E::BadTerms
		);
		let zero_period =
			Terms { limit: 0, increase: Some(Increase { step: 1, every: 0, cap: 9 }) };
		assert_noop!(
			Credit::propose_line(
				o("Alice"),
				account("Bob"),
				bw(),
				Side::Grantor,
				zero_period,
				None
			),
			E::BadTerms
		);
		assert_ok!(Credit::propose_line(
			o("Alice"),
			account("Bob"),
			bw(),
			Side::Grantor,
			terms(5),
			None
		));
		assert_noop!(
			Credit::propose_line(o("Bob"), account("Alice"), bw(), Side::Grantee, terms(9), None),
			E::ProposalExists
		);
		// Only the other side rejects, only the proposer withdraws.
		assert_noop!(
			Credit::reject_proposal(o("Alice"), account("Bob"), bw(), Side::Grantor, None),
			E::NoProposal
		);
		assert_noop!(
			Credit::withdraw_proposal(o("Bob"), account("Alice"), bw(), Side::Grantee, None),
			E::NoProposal
		);
		assert_ok!(Credit::reject_proposal(o("Bob"), account("Alice"), bw(), Side::Grantee, None));
		assert_eq!(held("Alice"), 0);
		assert_ok!(Credit::propose_line(
			o("Alice"),
			account("Bob"),
			bw(),
			Side::Grantor,
			terms(5),
			None
		));
		assert_ok!(Credit::withdraw_proposal(
			o("Alice"),
			account("Bob"),
			bw(),
			Side::Grantor,
			None
		));
		assert_eq!(held("Alice"), 0);
		assert!(Proposals::<Test>::iter().next().is_none());
	});
}

#[test]
fn an_iou_is_debt_within_the_limit_and_beyond_it_fails() {
	run(|| {
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 1, None), E::NoLine);
		line("Alice", "Bob", 100);
		borrow("Bob", "Alice", 60);
		assert_eq!(
			last_event(),
			RuntimeEvent::Credit(Event::IouIssued {
				lender: account("Alice"),
				borrower: account("Bob"),
				unit: bw(),
				amount: 60,
				debt: 60,
				nonce: None
			})
		);
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 41, None), E::BeyondLimit);
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 0, None), E::ZeroAmount);
		borrow("Bob", "Alice", 40);
		assert_eq!(debt("Alice", "Bob"), Some(100));
		// The line is one way: Alice has no credit from Bob.
		assert_noop!(Credit::issue_iou(o("Alice"), account("Bob"), bw(), 1, None), E::NoLine);
		// Another unit is another line.
		let cpu = Unit::from_symbol("CPU").unwrap();
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), cpu, 1, None), E::NoLine);
	});
}

#[test]
fn a_signed_iou_counts_once_and_only_with_the_borrowers_signature() {
	run(|| {
		line("Alice", "Bob", 100);
		let id = Lines::<Test>::get((account("Alice"), account("Bob"), bw())).unwrap().id;
		let iou = |amount, nonce| Iou {
			lender: account("Alice"),
			borrower: account("Bob"),
			unit: bw(),
			line: id,
			amount,
			nonce,
		};
		let first = iou(30, 0);
		let payload = Credit::iou_payload(&first);
		// Signed by the lender, not the borrower: refused.
		assert_noop!(
			Credit::submit_iou(o("Alice"), first.clone(), sign("Alice", &payload)),
			E::BadSignature
		);
		// A signature over other terms does not pass for these.
		let other = Credit::iou_payload(&iou(3, 0));
		assert_noop!(
			Credit::submit_iou(o("Alice"), first.clone(), sign("Bob", &other)),
			E::BadSignature
		);
		assert_ok!(Credit::submit_iou(o("Alice"), first.clone(), sign("Bob", &payload)));
		assert_eq!(debt("Alice", "Bob"), Some(30));
		// Replayed: refused, the debt does not double.
		assert_noop!(
			Credit::submit_iou(o("Carol"), first.clone(), sign("Bob", &payload)),
			E::IouReplayed
		);
		let skipped = iou(5, 2);
		assert_noop!(
			Credit::submit_iou(
				o("Alice"),
				skipped.clone(),
				sign("Bob", &Credit::iou_payload(&skipped))
			),
			E::IouOutOfOrder
		);
		let beyond = iou(71, 1);
		assert_noop!(
			Credit::submit_iou(
				o("Alice"),
				beyond.clone(),
				sign("Bob", &Credit::iou_payload(&beyond))
			),
			E::BeyondLimit
		);
		let second = iou(70, 1);
		assert_ok!(Credit::submit_iou(
			o("Carol"),
			second.clone(),
			sign("Bob", &Credit::iou_payload(&second))
		));
		assert_eq!(debt("Alice", "Bob"), Some(100));
		assert_eq!(
			Lines::<Test>::get((account("Alice"), account("Bob"), bw())).unwrap().iou_nonce,
			2
		);
	});
}

#[test]
fn scheduled_increases_raise_the_limit_up_to_the_cap_without_any_block_work() {
	run(|| {
		let t = Terms { limit: 10, increase: Some(Increase { step: 5, every: 10, cap: 22 }) };
		assert_ok!(Credit::propose_line(o("Alice"), account("Bob"), bw(), Side::Grantor, t, None));
		assert_ok!(Credit::accept_line(o("Bob"), account("Alice"), bw(), Side::Grantee, t, None));
		borrow("Bob", "Alice", 10);
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 1, None), E::BeyondLimit);
		System::set_block_number(10);
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 1, None), E::BeyondLimit);
		System::set_block_number(11);
		borrow("Bob", "Alice", 5);
		System::set_block_number(31);
		assert_eq!(Credit::line(account("Alice"), account("Bob"), bw()).unwrap().limit_now, 22);
		borrow("Bob", "Alice", 7);
		System::set_block_number(1000);
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 1, None), E::BeyondLimit);
		// New terms count from when they are set.
		assert_ok!(Credit::set_terms(o("Alice"), account("Bob"), bw(), t, None));
		assert_eq!(Credit::line(account("Alice"), account("Bob"), bw()).unwrap().limit_now, 10);
		assert_eq!(Credit::line(account("Alice"), account("Bob"), bw()).unwrap().available, 0);
	});
}

#[test]
fn only_the_grantor_sets_terms_and_a_lower_limit_only_stops_new_debt() {
	run(|| {
		line("Alice", "Bob", 100);
		borrow("Bob", "Alice", 80);
		assert_noop!(
			Credit::set_terms(o("Bob"), account("Bob"), bw(), terms(500), None),
			E::NoLine
		);
		assert_noop!(
			Credit::set_terms(o("Bob"), account("Alice"), bw(), terms(500), None),
			E::NoLine
		);
		assert_ok!(Credit::set_terms(o("Alice"), account("Bob"), bw(), terms(50), None));
		assert_eq!(debt("Alice", "Bob"), Some(80));
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 1, None), E::BeyondLimit);
		assert_ok!(Credit::accept_repayment(o("Alice"), account("Bob"), bw(), 40, None));
		borrow("Bob", "Alice", 10);
		assert_eq!(debt("Alice", "Bob"), Some(50));
	});
}

#[test]
fn revocation_stops_new_debt_repayment_continues_and_the_line_goes_when_repaid() {
	run(|| {
		line("Alice", "Bob", 100);
		borrow("Bob", "Alice", 30);
		assert_noop!(Credit::revoke_line(o("Bob"), account("Alice"), bw(), None), E::NoLine);
		assert_ok!(Credit::revoke_line(o("Alice"), account("Bob"), bw(), None));
		assert_noop!(Credit::revoke_line(o("Alice"), account("Bob"), bw(), None), E::LineRevoked);
		assert_noop!(Credit::issue_iou(o("Bob"), account("Alice"), bw(), 1, None), E::LineRevoked);
		assert_noop!(
			Credit::set_terms(o("Alice"), account("Bob"), bw(), terms(500), None),
			E::LineRevoked
		);
		assert_noop!(
			Credit::close_line(o("Bob"), account("Alice"), bw(), None),
			E::DebtOutstanding
		);
		// Only the lender records repayment, never more than the debt.
		assert_noop!(
			Credit::accept_repayment(o("Bob"), account("Alice"), bw(), 30, None),
			E::NoLine
		);
		assert_noop!(
			Credit::accept_repayment(o("Alice"), account("Bob"), bw(), 31, None),
			E::AboveDebt
		);
		assert_ok!(Credit::accept_repayment(o("Alice"), account("Bob"), bw(), 20, None));
		check();
		assert_eq!(held("Alice"), LINE_DEPOSIT);
		assert_ok!(Credit::accept_repayment(o("Alice"), account("Bob"), bw(), 10, None));
		assert_eq!(debt("Alice", "Bob"), None, "repaid: the revoked line is gone");
		assert_eq!(held("Alice"), 0, "and its deposit returned");
		assert_eq!(
			last_event(),
			RuntimeEvent::Credit(Event::LineClosed {
				grantor: account("Alice"),
				grantee: account("Bob"),
				unit: bw()
			})
		);
	});
}

#[test]
fn a_line_without_debt_goes_at_revocation_or_when_the_grantee_closes_it() {
	run(|| {
		line("Alice", "Bob", 100);
		assert_ok!(Credit::revoke_line(o("Alice"), account("Bob"), bw(), None));
		assert_eq!(debt("Alice", "Bob"), None);
		line("Alice", "Bob", 100);
		assert_ok!(Credit::close_line(o("Bob"), account("Alice"), bw(), None));
		assert_eq!(debt("Alice", "Bob"), None);
		assert_eq!(held("Alice"), 0);
	});
}

/// Alice → Bob → Carol → Dave: each grants the one before it a line of 100, so each can pay
/// the next by owing it.
fn chain() {
	line("Bob", "Alice", 100);
	line("Carol", "Bob", 100);
	line("Dave", "Carol", 100);
}

#[test]
fn a_three_hop_payment_moves_debt_and_leaves_intermediaries_even() {
	run(|| {
		chain();
		assert_ok!(Credit::pay(o("Alice"), route(&["Bob", "Carol", "Dave"]), bw(), 40, None));
		assert_eq!(debt("Bob", "Alice"), Some(40));
		assert_eq!(debt("Carol", "Bob"), Some(40));
		assert_eq!(debt("Dave", "Carol"), Some(40));
		assert_eq!(
			last_event(),
			RuntimeEvent::Credit(Event::Paid {
				payer: account("Alice"),
				route: route(&["Bob", "Carol", "Dave"]),
				unit: bw(),
				amount: 40
			})
		);
		// Bob is owed 40 by Alice and owes Carol 40: even. Paying back the other way first
		// cancels debts.
		assert_ok!(Credit::pay(o("Dave"), route(&["Carol", "Bob", "Alice"]), bw(), 15, None));
		assert_eq!(debt("Bob", "Alice"), Some(25));
		assert_eq!(debt("Dave", "Carol"), Some(25));
		// Dave pays 30 more to Carol: 25 cancels Carol's debt, 5 is a new debt of Dave, which
		// needs a line from Carol: there is none.
		assert_noop!(Credit::pay(o("Dave"), route(&["Carol"]), bw(), 30, None), E::BeyondLimit);
	});
}

#[test]
fn a_payment_is_all_or_nothing() {
	run(|| {
		line("Bob", "Alice", 200);
		line("Carol", "Bob", 200);
		line("Dave", "Carol", 100);
		// The first two hops have room for 150, the last one not: nothing of it stays.
		assert_noop!(
			Credit::pay(o("Alice"), route(&["Bob", "Carol", "Dave"]), bw(), 150, None),
			E::BeyondLimit
		);
		assert_ok!(Credit::pay(o("Alice"), route(&["Bob", "Carol", "Dave"]), bw(), 100, None));
		assert_eq!(debt("Bob", "Alice"), Some(100));
		assert_eq!(debt("Dave", "Carol"), Some(100));
	});
}

#[test]
fn a_payment_through_a_revoked_line_fails() {
	run(|| {
		chain();
		assert_ok!(Credit::revoke_line(o("Carol"), account("Bob"), bw(), None));
		assert_noop!(
			Credit::pay(o("Alice"), route(&["Bob", "Carol", "Dave"]), bw(), 10, None),
			E::NoCapacity
		);
		// Revoked with a debt outstanding: the line stays for repayment, but takes no more.
		line("Carol", "Bob", 100);
		borrow("Bob", "Carol", 5);
		assert_ok!(Credit::revoke_line(o("Carol"), account("Bob"), bw(), None));
		assert_noop!(
			Credit::pay(o("Alice"), route(&["Bob", "Carol", "Dave"]), bw(), 10, None),
			E::LineRevoked
		);
		// Carol paying Bob repays Bob's debt on the revoked line: allowed, and the line goes.
		assert_ok!(Credit::pay(o("Carol"), route(&["Bob"]), bw(), 5, None));
		assert_eq!(debt("Carol", "Bob"), None);
	});
}

#[test]
fn routes_are_simple_paths_of_bounded_length() {
	run(|| {
		chain();
		assert_noop!(Credit::pay(o("Alice"), route(&[]), bw(), 1, None), E::EmptyRoute);
		assert_noop!(
			Credit::pay(o("Alice"), route(&["Bob", "Alice"]), bw(), 1, None),
			E::RouteRepeats
		);
		assert_noop!(
			Credit::pay(o("Alice"), route(&["Bob", "Carol", "Bob"]), bw(), 1, None),
			E::RouteRepeats
		);
		assert_noop!(Credit::pay(o("Alice"), route(&["Carol"]), bw(), 1, None), E::NoCapacity);
		assert_noop!(Credit::pay(o("Alice"), route(&["Bob"]), bw(), 0, None), E::ZeroAmount);
		let too_long: Vec<AccountId> =
			(0..=MAX_HOPS as u8).map(|i| AccountId::new([i; 32])).collect();
		assert!(RouteOf::<Test>::try_from(too_long).is_err(), "the call cannot even carry it");
	});
}

#[test]
fn the_path_finder_finds_the_shortest_route_with_capacity() {
	run(|| {
		chain();
		assert_eq!(
			Credit::find_path(account("Alice"), account("Dave"), bw(), 50),
			Some(vec![account("Bob"), account("Carol"), account("Dave")])
		);
		// A shortcut: Dave grants Bob a line directly.
		line("Dave", "Bob", 30);
		assert_eq!(
			Credit::find_path(account("Alice"), account("Dave"), bw(), 30),
			Some(vec![account("Bob"), account("Dave")])
		);
		// Too big for the shortcut: the long way.
		assert_eq!(
			Credit::find_path(account("Alice"), account("Dave"), bw(), 31),
			Some(vec![account("Bob"), account("Carol"), account("Dave")])
		);
		assert_eq!(Credit::find_path(account("Alice"), account("Dave"), bw(), 101), None);
		// No route upstream: nobody granted Dave anything.
		assert_eq!(Credit::find_path(account("Dave"), account("Alice"), bw(), 1), None);
		// Once Alice paid, Dave can pay back by cancelling debts.
		let r = Credit::find_path(account("Alice"), account("Dave"), bw(), 20).unwrap();
		assert_ok!(Credit::pay(o("Alice"), BoundedVec::try_from(r).unwrap(), bw(), 20, None));
		assert_eq!(
			Credit::find_path(account("Dave"), account("Alice"), bw(), 20),
			Some(vec![account("Bob"), account("Alice")])
		);
		let r = Credit::find_path(account("Dave"), account("Alice"), bw(), 20).unwrap();
		assert_ok!(Credit::pay(o("Dave"), BoundedVec::try_from(r).unwrap(), bw(), 20, None));
	});
}

#[test]
fn the_path_finder_stops_at_its_budget_and_its_hop_limit() {
	run(|| {
		// A line of MAX_HOPS + 1 hops: beyond reach.
		let names = ["Alice", "Bob", "Carol", "Dave", "Eve", "Admin"];
		for w in names.windows(2) {
			line(w[1], w[0], 10);
		}
		assert_eq!(
			Credit::find_path(account("Alice"), account("Eve"), bw(), 1).map(|r| r.len()),
			Some(4)
		);
		assert_eq!(Credit::find_path(account("Alice"), account("Admin"), bw(), 1), None);
		// A hub with more lines than the search budget: the search gives up instead of
		// reading them all.
		NextLineId::<Test>::put(2000);
		for i in 0..MaxPathSearch::get() {
			let other = AccountId::new([i as u8 + 1; 32]);
			Lines::<Test>::insert(
				(other.clone(), account("Member"), bw()),
				Line {
					id: 1000 + i as u64,
					terms: terms(10),
					since: 1,
					debt: 0,
					revoked: false,
					iou_nonce: 0,
					org: None,
					depositor: account("Member"),
					deposit: 0,
				},
			);
			LinesByGrantee::<Test>::insert((account("Member"), other, bw()), ());
		}
		line("Alice", "Member", 10);
		assert_eq!(Credit::find_path(account("Member"), account("Alice"), bw(), 1), None);
		assert_eq!(Credit::capacity(account("Member"), account("Alice"), bw()), 10);
	});
}

/// Alice owes Bob, Bob owes Carol, Carol owes Alice: 30, 50, 20.
fn cycle() {
	line("Bob", "Alice", 100);
	line("Carol", "Bob", 100);
	line("Alice", "Carol", 100);
	borrow("Alice", "Bob", 30);
	borrow("Bob", "Carol", 50);
	borrow("Carol", "Alice", 20);
}

#[test]
fn anyone_nets_a_cycle_and_every_debt_on_it_shrinks() {
	run(|| {
		cycle();
		assert_ok!(Credit::net(
			o("Eve"),
			bw(),
			edges(vec![
				edge("Bob", "Alice", 20),
				edge("Carol", "Bob", 20),
				edge("Alice", "Carol", 20)
			])
		));
		assert_eq!(debt("Bob", "Alice"), Some(10));
		assert_eq!(debt("Carol", "Bob"), Some(30));
		assert_eq!(debt("Alice", "Carol"), Some(0));
		assert_eq!(
			last_event(),
			RuntimeEvent::Credit(Event::Netted {
				by: account("Eve"),
				unit: bw(),
				edges: 3,
				total: 60
			})
		);
	});
}

#[test]
fn a_netting_that_moves_a_position_by_one_unit_is_refused() {
	run(|| {
		cycle();
		assert_noop!(
			Credit::net(
				o("Eve"),
				bw(),
				edges(vec![
					edge("Bob", "Alice", 20),
					edge("Carol", "Bob", 19),
					edge("Alice", "Carol", 20)
				])
			),
			E::PositionChanged
		);
		assert_noop!(
			Credit::net(o("Alice"), bw(), edges(vec![edge("Bob", "Alice", 1)])),
			E::PositionChanged
		);
		// More than a debt, a debt twice, a debt that does not exist, nothing, zero.
		assert_noop!(
			Credit::net(
				o("Eve"),
				bw(),
				edges(vec![
					edge("Bob", "Alice", 21),
					edge("Carol", "Bob", 21),
					edge("Alice", "Carol", 21)
				])
			),
			E::AboveDebt
		);
		assert_noop!(
			Credit::net(
				o("Eve"),
				bw(),
				edges(vec![
					edge("Bob", "Alice", 5),
					edge("Bob", "Alice", 5),
					edge("Carol", "Bob", 10)
				])
			),
			E::DuplicateEdge
		);
		assert_noop!(
			Credit::net(
				o("Eve"),
				bw(),
				edges(vec![edge("Alice", "Bob", 5), edge("Bob", "Alice", 5)])
			),
			E::NoLine
		);
		assert_noop!(Credit::net(o("Eve"), bw(), edges(vec![])), E::NothingToNet);
		assert_noop!(
			Credit::net(
				o("Eve"),
				bw(),
				edges(vec![edge("Bob", "Alice", 0), edge("Carol", "Bob", 0)])
			),
			E::ZeroAmount
		);
		assert_noop!(Credit::net(o("Eve"), bw(), edges(vec![edge("Bob", "Bob", 1)])), E::SelfLine);
	});
}

#[test]
fn netting_removes_revoked_lines_it_clears() {
	run(|| {
		cycle();
		assert_ok!(Credit::revoke_line(o("Alice"), account("Carol"), bw(), None));
		assert_ok!(Credit::net(
			o("Eve"),
			bw(),
			edges(vec![
				edge("Bob", "Alice", 20),
				edge("Carol", "Bob", 20),
				edge("Alice", "Carol", 20)
			])
		));
		assert_eq!(debt("Alice", "Carol"), None);
		assert_eq!(held("Alice"), 0);
	});
}

fn org_with_member() -> AccountId {
	let org = Orgs::create(1, &account("Admin"));
	Orgs::set_role(1, &account("Member"), Some(Role::Member));
	org
}

#[test]
fn admins_act_for_their_organisation_and_nobody_else_does() {
	run(|| {
		let org = org_with_member();
		// A bank grants the organisation a line; an admin accepts it for the organisation.
		assert_ok!(Credit::propose_line(
			o("Alice"),
			org.clone(),
			bw(),
			Side::Grantor,
			terms(100),
			None
		));
		assert_noop!(
			Credit::accept_line(
				o("Member"),
				account("Alice"),
				bw(),
				Side::Grantee,
				terms(100),
				Some(1)
			),
			E::NotOrgAdmin
		);
		assert_noop!(
			Credit::accept_line(
				o("Admin"),
				account("Alice"),
				bw(),
				Side::Grantee,
				terms(100),
				Some(9)
			),
			E::UnknownOrg
		);
		assert_ok!(Credit::accept_line(
			o("Admin"),
			account("Alice"),
			bw(),
			Side::Grantee,
			terms(100),
			Some(1)
		));
		assert_eq!(
			Lines::<Test>::get((account("Alice"), org.clone(), bw())).unwrap().terms.limit,
			100
		);
		assert_noop!(
			Credit::issue_iou(o("Member"), account("Alice"), bw(), 5, Some(1)),
			E::NotOrgAdmin
		);
		assert_ok!(Credit::issue_iou(o("Admin"), account("Alice"), bw(), 5, Some(1)));
		assert_eq!(Lines::<Test>::get((account("Alice"), org, bw())).unwrap().debt, 5);
	});
}

#[test]
fn members_share_the_organisations_line_up_to_their_roles_sub_limit() {
	run(|| {
		let org = org_with_member();
		Orgs::set_role(1, &account("Eve"), Some(Role::Guest));
		// The organisation's own line from Alice: 100.
		assert_ok!(Credit::propose_line(
			o("Admin"),
			account("Alice"),
			bw(),
			Side::Grantee,
			terms(100),
			Some(1)
		));
		assert_eq!(held("Admin"), LINE_DEPOSIT, "the admin who acted holds the deposit");
		assert_ok!(Credit::accept_line(
			o("Alice"),
			org.clone(),
			bw(),
			Side::Grantor,
			terms(100),
			None
		));
		// Sub-limits: members 30, guests 10; only admins set them.
		assert_noop!(
			Credit::set_role_limit(o("Member"), 1, bw(), Role::Member, Some(30)),
			E::NotOrgAdmin
		);
		assert_ok!(Credit::set_role_limit(o("Admin"), 1, bw(), Role::Member, Some(30)));
		assert_noop!(Credit::open_org_line(o("Eve"), 1, bw()), E::NoRoleLimit);
		assert_ok!(Credit::set_role_limit(o("Admin"), 1, bw(), Role::Guest, Some(10)));
		assert_noop!(Credit::open_org_line(o("Carol"), 1, bw()), E::NotOrgMember);
		assert_ok!(Credit::open_org_line(o("Member"), 1, bw()));
		assert_ok!(Credit::open_org_line(o("Eve"), 1, bw()));
		assert_noop!(Credit::open_org_line(o("Member"), 1, bw()), E::LineExists);
		// A member who asked the organisation for a line of fixed terms waits for the answer
		// before opening a role line in the same unit.
		Orgs::set_role(1, &account("Carol"), Some(Role::Member));
		assert_ok!(Credit::propose_line(
			o("Carol"),
			org.clone(),
			bw(),
			Side::Grantee,
			terms(50),
			None
		));
		assert_noop!(Credit::open_org_line(o("Carol"), 1, bw()), E::ProposalExists);
		assert_ok!(Credit::withdraw_proposal(o("Carol"), org.clone(), bw(), Side::Grantee, None));
		// The member pays Alice through the organisation: its own sub-limit binds first.
		assert_noop!(
			Credit::pay(o("Member"), route(&["Org", "Alice"]).map_org(&org), bw(), 31, None),
			E::BeyondLimit
		);
		assert_ok!(Credit::pay(
			o("Member"),
			route(&["Org", "Alice"]).map_org(&org),
			bw(),
			30,
			None
		));
		assert_ok!(Credit::pay(o("Eve"), route(&["Org", "Alice"]).map_org(&org), bw(), 10, None));
		assert_eq!(Lines::<Test>::get((account("Alice"), org.clone(), bw())).unwrap().debt, 40);
		// The grantor cannot set terms on a role-managed line; the role limit changes it.
		assert_noop!(
			Credit::set_terms(o("Admin"), account("Member"), bw(), terms(99), Some(1)),
			E::OrgManagedLine
		);
		assert_ok!(Credit::set_role_limit(o("Admin"), 1, bw(), Role::Member, Some(35)));
		assert_ok!(Credit::issue_iou(o("Member"), org.clone(), bw(), 5, None));
		// A member who leaves takes no new debt on the organisation's line, but still owes.
		Orgs::set_role(1, &account("Member"), None);
		assert_noop!(Credit::issue_iou(o("Member"), org.clone(), bw(), 1, None), E::NotOrgMember);
		assert_eq!(Lines::<Test>::get((org.clone(), account("Member"), bw())).unwrap().debt, 35);
		assert_ok!(Credit::accept_repayment(o("Admin"), account("Member"), bw(), 35, Some(1)));
		// Removing a sub-limit returns its deposit.
		assert_eq!(held("Admin"), LINE_DEPOSIT + 2 * ROLE_LIMIT_DEPOSIT);
		assert_ok!(Credit::set_role_limit(o("Admin"), 1, bw(), Role::Guest, None));
		assert_eq!(held("Admin"), LINE_DEPOSIT + ROLE_LIMIT_DEPOSIT);
		assert_eq!(Credit::capacity(account("Eve"), org, bw()), 0);
	});
}

/// Routes name the organisation "Org"; its account is not a named test key.
trait MapOrg {
	fn map_org(self, org: &AccountId) -> Self;
}

impl MapOrg for RouteOf<Test> {
	fn map_org(self, org: &AccountId) -> Self {
		let named = account("Org");
		let mapped: Vec<AccountId> =
			self.into_iter().map(|a| if a == named { org.clone() } else { a }).collect();
		BoundedVec::try_from(mapped).unwrap()
	}
}

#[test]
fn queries_list_lines_and_proposals_by_side_in_pages() {
	run(|| {
		line("Alice", "Bob", 10);
		line("Alice", "Carol", 20);
		line("Alice", "Dave", 30);
		line("Eve", "Alice", 40);
		// Bob offers Alice a line: Alice is its grantee.
		assert_ok!(Credit::propose_line(
			o("Bob"),
			account("Alice"),
			bw(),
			Side::Grantor,
			terms(5),
			None
		));
		let granted = Credit::lines_of(account("Alice"), Side::Grantor, None, 10);
		assert_eq!(granted.len(), 3);
		let first = Credit::lines_of(account("Alice"), Side::Grantor, None, 2);
		let cursor = first.last().map(|v| (v.grantee.clone(), v.unit));
		let rest = Credit::lines_of(account("Alice"), Side::Grantor, cursor, 10);
		assert_eq!(first.len() + rest.len(), 3);
		let mut all: Vec<_> = first.iter().chain(rest.iter()).map(|v| v.grantee.clone()).collect();
		all.dedup();
		assert_eq!(all.len(), 3, "pages do not overlap");
		let received = Credit::lines_of(account("Alice"), Side::Grantee, None, 10);
		assert_eq!(received.len(), 1);
		assert_eq!((received[0].grantor.clone(), received[0].available), (account("Eve"), 40));
		let offered = Credit::proposals_of(account("Alice"), Side::Grantee, None, 10);
		assert_eq!(offered.len(), 1);
		assert_eq!(
			(offered[0].proposer.clone(), offered[0].side, offered[0].recipient.clone()),
			(account("Bob"), Side::Grantor, account("Alice"))
		);
		assert_eq!(Credit::proposals_of(account("Bob"), Side::Grantor, None, 10).len(), 1);
		assert!(Credit::proposals_of(account("Alice"), Side::Grantor, None, 10).is_empty());
	});
}

#[test]
fn unsigned_origins_are_refused() {
	run(|| {
		assert_noop!(
			Credit::propose_line(
				RuntimeOrigin::none(),
				account("Bob"),
				bw(),
				Side::Grantor,
				terms(5),
				None
			),
			BadOrigin
		);
	});
}
