//! A BABE equivocation reported through `pallet-offences` slashes the offender's stake.

mod common;
use common::*;

use codchain_runtime::{
	genesis_config_presets::VALIDATOR_BOND, Babe, Balances, Header, Historical, Runtime,
	RuntimeEvent, RuntimeOrigin, System,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, KeyOwnerProofSystem},
};
use sp_consensus_babe::digests::CompatibleDigestItem;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{traits::Header as _, DigestItem};

/// Two different headers for the same slot, both sealed by `offender`'s BABE key.
fn equivocation_proof(
	offender: Sr25519Keyring,
	authority_index: u32,
	slot: u64,
) -> sp_consensus_babe::EquivocationProof<Header> {
	let header = |state_root: u8| {
		let mut h = Header::new(
			System::block_number(),
			Default::default(),
			sp_core::H256::repeat_byte(state_root),
			System::parent_hash(),
			babe_pre_digest(authority_index, slot),
		);
		let signature = offender.sign(h.hash().as_ref());
		h.digest_mut().push(<DigestItem as CompatibleDigestItem>::babe_seal(signature.into()));
		h
	};
	sp_consensus_babe::EquivocationProof {
		offender: offender.public().into(),
		slot: slot.into(),
		first_header: header(1),
		second_header: header(2),
	}
}

fn key_owner_proof(who: Sr25519Keyring) -> sp_session::MembershipProof {
	let babe_id: sp_consensus_babe::AuthorityId = who.public().into();
	Historical::prove((sp_consensus_babe::KEY_TYPE, babe_id)).expect("alice is a validator")
}

#[test]
fn equivocation_is_reported_and_slashed() {
	new_ext(LOCAL).execute_with(|| {
		start_block();
		let alice = account(Alice);
		let bob = account(Bob);
		let slot = *Babe::current_slot();
		let proof = equivocation_proof(Alice, 0, slot);
		let bob_before = Balances::free_balance(&bob);
		let alice_total_before = Balances::total_balance(&alice);

		assert_ok!(Babe::report_equivocation(
			RuntimeOrigin::signed(bob.clone()),
			Box::new(proof.clone()),
			key_owner_proof(Alice),
		));

		// pallet-offences recorded it...
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { .. })
		)));
		assert_eq!(pallet_offences::Reports::<Runtime>::iter().count(), 1);
		// ...and the same evidence cannot be reported twice.
		assert_noop!(
			Babe::report_equivocation(
				RuntimeOrigin::signed(bob.clone()),
				Box::new(proof),
				key_owner_proof(Alice),
			),
			pallet_babe::Error::<Runtime>::DuplicateOffenceReport
		);

		// Slashes are deferred by `SlashDeferDuration` eras (so root could cancel them).
		assert_eq!(Balances::total_balance(&alice), alice_total_before);
		start_active_era(3);

		let slashed: codchain_runtime::Balance = System::events()
			.iter()
			.filter_map(|r| match &r.event {
				RuntimeEvent::Staking(pallet_staking::Event::Slashed { staker, amount })
					if *staker == alice =>
				{
					Some(*amount)
				},
				_ => None,
			})
			.sum();
		assert!(slashed > 0, "alice was not slashed");
		assert!(slashed <= VALIDATOR_BOND);
		assert_eq!(Balances::total_balance(&alice), alice_total_before - slashed);
		let ledger = pallet_staking::Ledger::<Runtime>::get(&alice);
		assert!(ledger.is_none_or(|l| l.active == VALIDATOR_BOND - slashed));
		// The reporter is rewarded out of the slash.
		assert!(Balances::free_balance(&bob) > bob_before, "reporter got no reward");
	});
}

#[test]
fn a_proof_signed_by_someone_else_is_rejected() {
	new_ext(LOCAL).execute_with(|| {
		start_block();
		let slot = *Babe::current_slot();
		// Headers sealed by Bob but presented as Alice's equivocation.
		let mut proof = equivocation_proof(Bob, 0, slot);
		proof.offender = Alice.public().into();
		assert_noop!(
			Babe::report_equivocation(
				RuntimeOrigin::signed(account(Charlie)),
				Box::new(proof),
				key_owner_proof(Alice),
			),
			pallet_babe::Error::<Runtime>::InvalidEquivocationProof
		);
	});
}
