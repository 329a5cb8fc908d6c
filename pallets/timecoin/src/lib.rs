//! # Timecoin
//!
//! Personal time-backed coins (SPEC §3, seed 000 "timecoin"). Every account may issue its own
//! timecoin, denominated in **seconds** of its personal time. The ledger is UTXO-style: a
//! **pour** (铸币) consumes coins of one issuer and creates coins of the same issuer. The pour
//! rules are those of [`utxo_core`], shared with codcoin.
//!
//! ## Overview
//!
//! - An issuer first **declares its capacity**: the seconds it stands behind. Outstanding seconds
//!   (live coins plus seconds locked in open appointments) never exceed it.
//! - **Issue** (发行): the issuer adds `time` and mints coins, usually held by others.
//! - **Transfer** (转让): a holder splits or merges coins, some to a new holder, change to itself.
//! - **Exercise** (行使): a holder spends coins for an interval `[begin, end)` of the issuer's
//!   time. This books an **appointment**; an issuer's appointments never overlap.
//! - Bookings lie within `MaxHorizon` seconds from now, and a holder has at most
//!   `MaxOpenPerHolder` open appointments with one issuer, so nobody can fill an issuer's
//!   schedule or book an interval that can never settle.
//! - After `end` an appointment settles when both sides confirm, or when the holder does not
//!   object within `ObjectionWindow`. A holder may report a no-show; if the issuer does not
//!   answer within `AnswerWindow`, the holder gets the seconds back as a new coin and the no-show
//!   counts against the issuer. If the issuer contests, the chain cannot tell who is right: the
//!   holder gets the seconds back (the issuer's word alone does not discharge its debt) and the
//!   dispute counts on both records. The issuer may cancel an appointment only before it
//!   begins, so a no-show cannot be erased by cancelling it.
//! - Each issuer keeps a bounded **exercise history** (the last `MaxHistory` closed
//!   appointments and how they ended). An issuer with nothing outstanding may **retire** and get
//!   its deposit back; a record with no-shows or disputes stays, so they cannot be erased.
//! - Every live coin and open appointment holds a storage deposit in COD from whoever created it;
//!   the deposit is released when the coin is spent or the appointment closes.
//!
//! ## Calls
//!
//! | call | origin | does | errors (besides the pour rules) | events |
//! |---|---|---|---|---|
//! | [`declare_capacity`](Pallet::declare_capacity) | issuer | sets capacity (at most [`MAX_CAPACITY`]) | `CapacityBelowOutstanding`, `CapacityTooLarge` | `CapacityDeclared` |
//! | [`pour`](Pallet::pour) | holder or issuer | the primitive | `NoCapacityDeclared`, `CapacityExceeded`, appointment errors | `Poured` (+ `AppointmentBooked`) |
//! | [`issue`](Pallet::issue) | issuer | pour with `time = sum(outputs)` | as `pour` | `Poured` |
//! | [`transfer`](Pallet::transfer) | holder | pour with change to self | `InsufficientInputs` | `Poured` |
//! | [`exercise`](Pallet::exercise) | holder | pour with an interval | `InsufficientInputs`, appointment errors | `Poured`, `AppointmentBooked` |
//! | [`cancel_appointment`](Pallet::cancel_appointment) | issuer | refunds the holder, before `begin` | `NotIssuer`, `AlreadyBegun` | `AppointmentRefunded` |
//! | [`confirm`](Pallet::confirm) | either side | confirms after `end` | `NotParty`, `NotEnded`, `AlreadyConfirmed` | `AppointmentConfirmed`, `AppointmentSettled` |
//! | [`report_no_show`](Pallet::report_no_show) | holder | reports a no-show | `NotAppointmentHolder`, `NotStarted`, `ObjectionWindowClosed` | `NoShowReported` |
//! | [`answer_no_show`](Pallet::answer_no_show) | issuer | contests a report: a dispute | `NotIssuer`, `AnswerWindowClosed` | `AppointmentDisputed` |
//! | [`settle`](Pallet::settle) | anyone | closes a due appointment | `TooEarlyToSettle` | `AppointmentSettled` or `AppointmentRefunded` |
//! | [`retire`](Pallet::retire) | issuer | releases the issuer deposit | `NoCapacityDeclared`, `SecondsOutstanding` | `IssuerRetired` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod appointments;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
mod ledger;
mod market;
pub mod migrations;
#[cfg(test)]
mod mock;
mod pour;
mod queries;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Domain of coin ids, so timecoin ids never collide with codcoin ids.
pub const COIN_ID_DOMAIN: &[u8] = b"timecoin";

/// What benchmarks need from the runtime: a way to move the clock.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Sets the time `UnixTime::now` returns, in Unix seconds.
	fn set_time(secs: Seconds);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungible, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::StaticLookup;
	use utxo_core::LedgerError;

	/// An account argument: an address wallets may give in any supported form.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// A coin of this runtime, as stored.
	pub type CoinOf<T> =
		utxo_core::CoinDetails<<T as frame_system::Config>::AccountId, Seconds, BalanceOf<T>>;
	/// An appointment of this runtime.
	pub type AppointmentOf<T> =
		AppointmentDetails<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// 1: stored balances per (holder, issuer), coins indexed by issuer, escrow totals; 2: one
	/// coin index, by (issuer, holder) (see [`migrations`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	// `RuntimeEvent: From<Event<Self>>` is added to `frame_system::Config` by the macro.
	pub trait Config: frame_system::Config {
		/// The currency deposits are held in (COD).
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// Wall-clock time, for appointments.
		type UnixTime: UnixTime;
		/// COD held per live coin and per open appointment.
		#[pallet::constant]
		type CoinDeposit: Get<BalanceOf<Self>>;
		/// COD held for an issuer's record while it exists.
		#[pallet::constant]
		type IssuerDeposit: Get<BalanceOf<Self>>;
		/// Most coins a pour may consume.
		#[pallet::constant]
		type MaxInputs: Get<u32>;
		/// Most coins a pour may create.
		#[pallet::constant]
		type MaxOutputs: Get<u32>;
		/// Most open appointments an issuer may have.
		#[pallet::constant]
		type MaxOpenAppointments: Get<u32>;
		/// Most open appointments one holder may have with one issuer, so that no holder can
		/// fill an issuer's schedule.
		#[pallet::constant]
		type MaxOpenPerHolder: Get<u32>;
		/// How far ahead (seconds from now) an appointment may end.
		#[pallet::constant]
		type MaxHorizon: Get<Seconds>;
		/// Closed appointments kept in an issuer's exercise history (the oldest go first).
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// COD held for a holder's record while it has open appointments or disputes.
		#[pallet::constant]
		type HolderDeposit: Get<BalanceOf<Self>>;
		/// Seconds after `end` during which the holder may report a no-show; afterwards an
		/// unconfirmed appointment settles as kept.
		#[pallet::constant]
		type ObjectionWindow: Get<Seconds>;
		/// Seconds after a no-show report during which the issuer may contest it; afterwards the
		/// holder is refunded.
		#[pallet::constant]
		type AnswerWindow: Get<Seconds>;
		/// Weights of the calls, from benchmarks.
		type WeightInfo: WeightInfo;
		/// Moves the clock in benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// Why COD is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of a live coin or an open appointment.
		CoinDeposit,
		/// Storage deposit of an issuer record.
		IssuerDeposit,
		/// Storage deposit of a holder record.
		HolderDeposit,
	}

	/// The number the next pour gets.
	#[pallet::storage]
	pub type NextPourId<T> = StorageValue<_, PourId, ValueQuery>;

	/// The number the next appointment gets.
	#[pallet::storage]
	pub type NextAppointmentId<T> = StorageValue<_, AppointmentId, ValueQuery>;

	/// Live coins. Spent coins are removed, so "unspent" is "present".
	// Identity: ids are BLAKE2 hashes of a chain-assigned counter, nobody chooses them.
	#[pallet::storage]
	pub type Coins<T: Config> = StorageMap<_, Identity, CoinId, CoinOf<T>>;

	/// Coin index: (issuer, holder, coin id) for every live coin, to page through an issuer's
	/// coins and to find an account's coins of one issuer without scanning the others (an
	/// account's issuers are those of its `HeldTotals`).
	// Blake2_128Concat: accounts are user-chosen keys. Identity for the coin: ids are BLAKE2
	// hashes of a chain-assigned counter.
	#[pallet::storage]
	pub type Holdings<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Identity, CoinId>,
		),
		(),
		OptionQuery,
	>;

	/// Seconds of `issuer`'s time in the live coins `holder` holds: the sum of its coins, kept
	/// so no query has to add them up.
	#[pallet::storage]
	pub type HeldTotals<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Seconds,
		ValueQuery,
	>;

	/// Seconds of `issuer`'s time in market escrow, all owners together.
	#[pallet::storage]
	pub type EscrowTotals<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Seconds, ValueQuery>;

	/// Seconds of `issuer`'s time held in market escrow for `owner`. They stay outstanding.
	#[pallet::storage]
	pub type Escrow<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		Seconds,
		ValueQuery,
	>;

	/// Issuers that declared a capacity.
	#[pallet::storage]
	pub type Issuers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, IssuerDetails<BalanceOf<T>>>;

	/// Open appointments.
	// Twox64Concat: ids are a chain-assigned counter.
	#[pallet::storage]
	pub type Appointments<T: Config> = StorageMap<_, Twox64Concat, AppointmentId, AppointmentOf<T>>;

	/// Each issuer's open appointments, sorted by begin and disjoint.
	#[pallet::storage]
	pub type Schedules<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Schedule<T::MaxOpenAppointments>, ValueQuery>;

	/// Open appointments per (issuer, holder), to cap what one holder books with one issuer.
	/// Each entry lives with an appointment, whose deposit covers it.
	#[pallet::storage]
	pub type OpenBookings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Holders with open appointments or disputes.
	#[pallet::storage]
	pub type Holders<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, HolderDetails<BalanceOf<T>>>;

	/// Each issuer's last `MaxHistory` closed appointments, oldest first. Part of the issuer
	/// record, covered by its deposit.
	#[pallet::storage]
	pub type History<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ExerciseRecord<T::AccountId>, T::MaxHistory>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An issuer declared how many seconds it stands behind.
		CapacityDeclared { issuer: T::AccountId, capacity: Seconds },
		/// A pour consumed `inputs` and created `outputs` (coin id, holder, seconds); the issuer
		/// added `minted` seconds (`time`), `burned` seconds left the coins (exercised, or moved
		/// into market escrow), of which `escrowed` went into the pourer's escrow.
		Poured {
			pour_id: PourId,
			pourer: T::AccountId,
			issuer: T::AccountId,
			inputs: Inputs<T::MaxInputs>,
			outputs: BoundedVec<(CoinId, T::AccountId, Seconds), T::MaxOutputs>,
			minted: Seconds,
			burned: Seconds,
			escrowed: Seconds,
		},
		/// Seconds left market escrow as a new coin for `to`.
		EscrowReleased {
			issuer: T::AccountId,
			owner: T::AccountId,
			to: T::AccountId,
			coin: CoinId,
			amount: Seconds,
		},
		/// An exercise booked `[begin, end)` of the issuer's time.
		AppointmentBooked {
			id: AppointmentId,
			issuer: T::AccountId,
			holder: T::AccountId,
			begin: Seconds,
			end: Seconds,
		},
		/// One side confirmed the appointment took place.
		AppointmentConfirmed { id: AppointmentId, by: T::AccountId },
		/// The appointment was kept: its seconds leave the issuer's outstanding.
		AppointmentSettled { id: AppointmentId, issuer: T::AccountId, seconds: Seconds },
		/// The holder got the appointment's seconds back as a new coin (cancelled by the issuer,
		/// or an unanswered no-show).
		AppointmentRefunded { id: AppointmentId, holder: T::AccountId, coin: CoinId, no_show: bool },
		/// The holder reported that the issuer did not show up.
		NoShowReported { id: AppointmentId, holder: T::AccountId },
		/// The issuer contested the holder's no-show report: the holder got its seconds back as
		/// `coin`, and both records count the dispute.
		AppointmentDisputed {
			id: AppointmentId,
			issuer: T::AccountId,
			holder: T::AccountId,
			coin: CoinId,
		},
		/// An issuer with nothing outstanding retired and got its deposit back.
		IssuerRetired { issuer: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A rule of the ledger was broken; the inner error says which (see
		/// [`utxo_core::LedgerError`]).
		Ledger(LedgerError),
		/// The issuer never declared a capacity.
		NoCapacityDeclared,
		/// Issuing this would put outstanding seconds above the declared capacity.
		CapacityExceeded,
		/// A capacity below the seconds already outstanding.
		CapacityBelowOutstanding,
		/// An interval with `begin >= end`.
		InvalidInterval,
		/// An appointment that begins in the past.
		AppointmentInPast,
		/// The interval overlaps another booked appointment of the issuer.
		AppointmentOverlaps,
		/// The issuer already has `MaxOpenAppointments` open appointments.
		TooManyAppointments,
		/// An issuer cannot book its own time.
		IssuerCannotExercise,
		/// No open appointment with this id.
		UnknownAppointment,
		/// Only the issuer of the appointment may do this.
		NotIssuer,
		/// Only the holder or the issuer of the appointment may do this.
		NotParty,
		/// Only the holder of the appointment may do this.
		NotAppointmentHolder,
		/// The appointment is not in a state that allows this.
		WrongStatus,
		/// The appointment has not ended yet.
		NotEnded,
		/// The appointment has not begun yet.
		NotStarted,
		/// This side already confirmed.
		AlreadyConfirmed,
		/// The window for reporting a no-show has passed.
		ObjectionWindowClosed,
		/// The window for contesting a no-show report has passed.
		AnswerWindowClosed,
		/// The appointment is not due for settlement yet.
		TooEarlyToSettle,
		/// The appointment has begun: it can no longer be cancelled (report or settle it).
		AlreadyBegun,
		/// The appointment would end more than `MaxHorizon` seconds from now.
		BeyondHorizon,
		/// The holder already has `MaxOpenPerHolder` open appointments with this issuer.
		TooManyWithIssuer,
		/// The issuer still owes seconds (coins, appointments or escrow): it cannot retire.
		SecondsOutstanding,
		/// The appointment id counter reached its maximum.
		IdsExhausted,
		/// Not enough free COD for the deposit of an issuer record, holder record or
		/// appointment.
		InsufficientDeposit,
		/// A capacity above [`MAX_CAPACITY`] seconds.
		CapacityTooLarge,
	}

	impl<T: Config> From<LedgerError> for Error<T> {
		fn from(e: LedgerError) -> Self {
			Error::Ledger(e)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxInputs::get() > 0 && T::MaxOutputs::get() > 1, "a transfer needs change");
			assert!(T::MaxOpenAppointments::get() > 0);
			assert!(T::MaxOpenPerHolder::get() > 0);
			assert!(
				T::MaxOpenPerHolder::get() < T::MaxOpenAppointments::get(),
				"one holder must not be able to fill a schedule"
			);
			assert!(T::MaxHorizon::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Declare how many seconds of personal time the signer stands behind as an issuer.
		///
		/// The first declaration holds `IssuerDeposit`. Capacity may be lowered, but not below
		/// the seconds already outstanding.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::declare_capacity())]
		pub fn declare_capacity(
			origin: OriginFor<T>,
			#[pallet::compact] capacity: Seconds,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_declare_capacity(&issuer, capacity)
		}

		/// The primitive: consume `inputs` (held by the signer, coins of `issuer`), create
		/// `outputs`, add `time` (issuer only), and optionally exercise `interval` = `(begin,
		/// end)` of the issuer's time, which books an appointment.
		///
		/// `sum(outputs) + (end - begin) == sum(inputs) + time`.
		#[pallet::call_index(1)]
		#[pallet::weight(match interval {
			// A pour that books is measured as one: the pour and the booking together.
			Some(_) => T::WeightInfo::pour_booking(inputs.len() as u32, outputs.len() as u32),
			None => T::WeightInfo::pour(inputs.len() as u32, outputs.len() as u32),
		})]
		pub fn pour(
			origin: OriginFor<T>,
			issuer: AccountIdLookupOf<T>,
			inputs: Inputs<T::MaxInputs>,
			outputs: Outputs<T::AccountId, T::MaxOutputs>,
			#[pallet::compact] time: Seconds,
			interval: Option<(Seconds, Seconds)>,
		) -> DispatchResult {
			let pourer = ensure_signed(origin)?;
			let issuer = T::Lookup::lookup(issuer)?;
			Self::do_pour(&pourer, &issuer, &inputs, &outputs, time, interval, 0).map(|_| ())
		}

		/// Issue: the signer adds `sum(outputs)` seconds of its time as new coins.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::pour(0, outputs.len() as u32))]
		pub fn issue(
			origin: OriginFor<T>,
			outputs: Outputs<T::AccountId, T::MaxOutputs>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let time = outputs
				.iter()
				.try_fold(0u64, |acc, o| acc.checked_add(o.amount))
				.ok_or(Error::<T>::Ledger(LedgerError::Overflow))?;
			Self::do_pour(&issuer, &issuer, &[], &outputs, time, None, 0).map(|_| ())
		}

		/// Transfer: give `amount` seconds of the input coins to `to`; the rest comes back to
		/// the signer as change. Seed example: inputs 10 + 80, amount 85 → 85 to `to`, 5 back.
		///
		/// Charged as if every input's deposit went back to a different account; refunded to
		/// the inputs whose deposit the signer paid itself (e.g. change of its own transfers).
		#[pallet::call_index(3)]
		#[pallet::weight(utxo_core::spend_weight_limit(
			T::WeightInfo::transfer_own,
			T::WeightInfo::transfer,
			inputs.len() as u32,
		))]
		pub fn transfer(
			origin: OriginFor<T>,
			inputs: Inputs<T::MaxInputs>,
			to: AccountIdLookupOf<T>,
			#[pallet::compact] amount: Seconds,
		) -> DispatchResultWithPostInfo {
			let holder = ensure_signed(origin)?;
			let to = T::Lookup::lookup(to)?;
			let refunded = Self::do_transfer(&holder, &inputs, to, amount)?;
			Ok(Some(Self::transfer_weight(inputs.len() as u32, refunded)).into())
		}

		/// Exercise: spend the input coins for `[begin, end)` of their issuer's time, booking an
		/// appointment; the rest comes back to the signer as change.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::exercise(inputs.len() as u32, T::MaxOpenAppointments::get()))]
		pub fn exercise(
			origin: OriginFor<T>,
			inputs: Inputs<T::MaxInputs>,
			begin: Seconds,
			end: Seconds,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_exercise(&holder, &inputs, begin, end)
		}

		/// The issuer cancels an appointment before it begins; the holder gets its seconds back
		/// as a new coin. Once it has begun, only a no-show report or settlement closes it.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::cancel_appointment(T::MaxOpenAppointments::get()))]
		pub fn cancel_appointment(origin: OriginFor<T>, id: AppointmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(&who, id)
		}

		/// The holder or the issuer confirms, after `end`, that the appointment took place; when
		/// both have, it settles.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::confirm(T::MaxOpenAppointments::get()))]
		pub fn confirm(origin: OriginFor<T>, id: AppointmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm(&who, id)
		}

		/// The holder reports, between `begin` and `end + ObjectionWindow`, that the issuer did
		/// not show up.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::report_no_show())]
		pub fn report_no_show(origin: OriginFor<T>, id: AppointmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_report_no_show(&who, id)
		}

		/// The issuer contests a no-show report within `AnswerWindow`. The appointment closes as
		/// a dispute: the holder gets its seconds back, and both records count the dispute.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::answer_no_show(T::MaxOpenAppointments::get()))]
		pub fn answer_no_show(origin: OriginFor<T>, id: AppointmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_answer_no_show(&who, id)
		}

		/// Anyone closes a due appointment: unconfirmed after `end + ObjectionWindow` → kept;
		/// reported and unanswered after `AnswerWindow` → refunded, no-show.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::settle(T::MaxOpenAppointments::get()))]
		pub fn settle(origin: OriginFor<T>, id: AppointmentId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(id)
		}

		/// An issuer that owes nothing retires: its deposit comes back and its history goes.
		/// A record with no-shows or disputes stays (without deposit), so they stay public.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::retire())]
		pub fn retire(origin: OriginFor<T>) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_retire(&issuer)
		}
	}
}
