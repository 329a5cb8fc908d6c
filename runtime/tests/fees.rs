//! Signed transactions pay fees computed from weight and length; the fee goes to the block author.

mod common;
use common::*;

use codchain_runtime::{
	Balances, BalancesCall, Executive, Runtime, RuntimeCall, RuntimeEvent, SignedPayload, System,
	TransactionPayment, TxExtension, UncheckedExtrinsic, UNITS, VERSION,
};
use codec::Encode;
use frame_support::dispatch::GetDispatchInfo;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{generic::Era, MultiAddress, MultiSignature};

fn tx_extension(nonce: u32) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// A transaction signed by `signer` exactly as a wallet builds it.
fn signed(signer: Sr25519Keyring, call: RuntimeCall, nonce: u32) -> UncheckedExtrinsic {
	let ext = tx_extension(nonce);
	let genesis = System::block_hash(0);
	let payload = SignedPayload::from_raw(
		call.clone(),
		ext.clone(),
		(
			(),
			VERSION.spec_version,
			VERSION.transaction_version,
			genesis,
			genesis,
			(),
			(),
			(),
			None,
			(),
		),
	);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(signer.to_account_id()),
		MultiSignature::Sr25519(signature),
		ext,
	)
}

#[test]
fn a_transfer_pays_its_fee_to_the_block_author() {
	new_ext(DEV).execute_with(|| {
		start_block();
		let (bob, charlie, alice) = (account(Bob), account(Charlie), account(Alice));
		let amount = 10 * UNITS;
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: charlie.clone().into(),
			value: amount,
		});
		let xt = signed(Bob, call.clone(), 0);
		let len = xt.encoded_size() as u32;
		// The dispatch info of the whole extrinsic includes the weight of its extensions.
		let expected_fee = TransactionPayment::compute_fee(len, &xt.get_dispatch_info(), 0);
		assert!(expected_fee > 0);

		let (bob_before, charlie_before, alice_before) = (
			Balances::free_balance(&bob),
			Balances::free_balance(&charlie),
			Balances::free_balance(&alice),
		);
		assert_eq!(Executive::apply_extrinsic(xt), Ok(Ok(())));

		let paid = bob_before - Balances::free_balance(&bob) - amount;
		// Weight reclaim may refund part of the pre-charged fee, never more than it.
		assert!(paid > 0 && paid <= expected_fee, "paid {paid}, expected <= {expected_fee}");
		assert_eq!(Balances::free_balance(&charlie) - charlie_before, amount);
		// Alice authored the block (authority index 0) and received the fee.
		assert_eq!(Balances::free_balance(&alice) - alice_before, paid);
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::TransactionPayment(pallet_transaction_payment::Event::TransactionFeePaid {
				who, actual_fee, ..
			}) if *who == bob && *actual_fee == paid
		)));
		assert_eq!(System::account_nonce(&bob), 1);
	});
}

#[test]
fn a_replayed_transaction_is_rejected() {
	new_ext(DEV).execute_with(|| {
		start_block();
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: account(Charlie).into(),
			value: UNITS,
		});
		let xt = signed(Bob, call, 0);
		assert_eq!(Executive::apply_extrinsic(xt.clone()), Ok(Ok(())));
		assert!(Executive::apply_extrinsic(xt).is_err(), "same nonce twice must fail");
	});
}

#[test]
fn a_forged_signature_is_rejected_and_charges_nothing() {
	new_ext(DEV).execute_with(|| {
		start_block();
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: account(Charlie).into(),
			value: UNITS,
		});
		// Signed by Eve but claiming to come from Bob.
		let good = signed(Eve, call.clone(), 0);
		let forged = match good.preamble {
			sp_runtime::generic::Preamble::Signed(_, sig, ext) => {
				UncheckedExtrinsic::new_signed(call, MultiAddress::Id(account(Bob)), sig, ext)
			},
			_ => unreachable!(),
		};
		let before = Balances::free_balance(account(Bob));
		assert!(Executive::apply_extrinsic(forged).is_err());
		assert_eq!(Balances::free_balance(account(Bob)), before);
	});
}
