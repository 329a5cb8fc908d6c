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
//! - After `end` an appointment settles when both sides confirm, or when the holder does not
//!   object within `ObjectionWindow`. A holder may report a no-show; if the issuer does not
//!   answer within `AnswerWindow`, the holder gets the seconds back as a new coin and the no-show
//!   counts against the issuer. The issuer may cancel an appointment (the holder is refunded).
//! - Every live coin and open appointment holds a storage deposit in COD from whoever created it;
//!   the deposit is released when the coin is spent or the appointment closes.
//!
//! ## Calls
//!
//! | call | origin | does | errors (besides the pour rules) | events |
//! |---|---|---|---|---|
//! | [`declare_capacity`](Pallet::declare_capacity) | issuer | sets capacity | `CapacityBelowOutstanding` | `CapacityDeclared` |
//! | [`pour`](Pallet::pour) | holder or issuer | the primitive | `NoCapacityDeclared`, `CapacityExceeded`, appointment errors | `Poured` (+ `AppointmentBooked`) |
//! | [`issue`](Pallet::issue) | issuer | pour with `time = sum(outputs)` | as `pour` | `Poured` |
//! | [`transfer`](Pallet::transfer) | holder | pour with change to self | `InsufficientInputs` | `Poured` |
//! | [`exercise`](Pallet::exercise) | holder | pour with an interval | `InsufficientInputs`, appointment errors | `Poured`, `AppointmentBooked` |
//! | [`cancel_appointment`](Pallet::cancel_appointment) | issuer | refunds the holder | `NotIssuer`, `WrongStatus` | `AppointmentRefunded` |
//! | [`confirm`](Pallet::confirm) | either side | confirms after `end` | `NotParty`, `NotEnded`, `AlreadyConfirmed` | `AppointmentConfirmed`, `AppointmentSettled` |
//! | [`report_no_show`](Pallet::report_no_show) | holder | reports a no-show | `NotHolder`, `NotStarted`, `ObjectionWindowClosed` | `NoShowReported` |
//! | [`answer_no_show`](Pallet::answer_no_show) | issuer | contests a report | `NotIssuer`, `AnswerWindowClosed` | `NoShowContested` |
//! | [`settle`](Pallet::settle) | anyone | closes a due appointment | `TooEarlyToSettle` | `AppointmentSettled` or `AppointmentRefunded` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod appointments;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod escrow;
mod invariants;
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

	/// The balance type of the deposit currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	/// A coin of this runtime.
	pub type CoinOf<T> = Coin<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	/// An appointment of this runtime.
	pub type AppointmentOf<T> = Appointment<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

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

	/// Holder index: (holder, issuer, coin id) for every live coin, to page through an
	/// account's coins and to find its coins of one issuer without scanning the others.
	// Blake2_128Concat: accounts are user-chosen keys.
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
		StorageMap<_, Blake2_128Concat, T::AccountId, IssuerInfo<BalanceOf<T>>>;

	/// Open appointments.
	// Twox64Concat: ids are a chain-assigned counter.
	#[pallet::storage]
	pub type Appointments<T: Config> = StorageMap<_, Twox64Concat, AppointmentId, AppointmentOf<T>>;

	/// Each issuer's open appointments, sorted by begin and disjoint.
	#[pallet::storage]
	pub type Schedules<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Schedule<T::MaxOpenAppointments>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An issuer declared how many seconds it stands behind.
		CapacityDeclared { issuer: T::AccountId, capacity: Seconds },
		/// A pour consumed `inputs` and created `outputs` (coin id, holder, seconds).
		Poured {
			pour_id: PourId,
			pourer: T::AccountId,
			issuer: T::AccountId,
			inputs: Inputs<T::MaxInputs>,
			outputs: BoundedVec<(CoinId, T::AccountId, Seconds), T::MaxOutputs>,
			time: Seconds,
			/// Seconds the pour moved into the pourer's market escrow.
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
		/// The issuer contested the holder's no-show report.
		NoShowContested { id: AppointmentId, issuer: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// More inputs than `MaxInputs`.
		TooManyInputs,
		/// More outputs than `MaxOutputs`.
		TooManyOutputs,
		/// A pour with no input and no time: nothing to pour.
		EmptyPour,
		/// Only the issuer may add time.
		TimeAddedByNonIssuer,
		/// An output of zero seconds.
		ZeroAmountOutput,
		/// The same coin twice among the inputs.
		DuplicateInput,
		/// An input does not exist or was already spent.
		UnknownOrSpentInput,
		/// The inputs are not all coins of the pour's issuer.
		MixedIssuers,
		/// An input is held by someone other than the signer.
		NotHolder,
		/// A sum of seconds overflows `u64`.
		Overflow,
		/// `sum(outputs) + (end - begin) != sum(inputs) + time`.
		Unbalanced,
		/// The issuer never declared a capacity.
		NoCapacityDeclared,
		/// Issuing this would put outstanding seconds above the declared capacity.
		CapacityExceeded,
		/// A capacity below the seconds already outstanding.
		CapacityBelowOutstanding,
		/// The inputs hold fewer seconds than the transfer or exercise needs.
		InsufficientInputs,
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
		/// Not enough free COD for the storage deposit.
		InsufficientDeposit,
		/// The account holds fewer seconds of this issuer than asked for.
		InsufficientBalance,
		/// Reaching the amount takes more than `MaxInputs` of the account's coins (if it holds
		/// enough at all); merge them with a transfer to self first.
		TooFragmented,
		/// Less in escrow than asked for.
		InsufficientEscrow,
	}

	impl<T: Config> From<utxo_core::PourError> for Error<T> {
		fn from(e: utxo_core::PourError) -> Self {
			use utxo_core::PourError as P;
			match e {
				P::TooManyInputs => Error::TooManyInputs,
				P::TooManyOutputs => Error::TooManyOutputs,
				P::EmptyPour => Error::EmptyPour,
				P::MintByNonIssuer => Error::TimeAddedByNonIssuer,
				P::ZeroAmountOutput => Error::ZeroAmountOutput,
				P::DuplicateInput => Error::DuplicateInput,
				P::UnknownOrSpentInput => Error::UnknownOrSpentInput,
				P::MixedIssuers => Error::MixedIssuers,
				P::NotHolder => Error::NotHolder,
				P::Overflow => Error::Overflow,
				P::Unbalanced => Error::Unbalanced,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxInputs::get() > 0 && T::MaxOutputs::get() > 1, "a transfer needs change");
			assert!(T::MaxOpenAppointments::get() > 0);
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
		pub fn declare_capacity(origin: OriginFor<T>, capacity: Seconds) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			Self::do_declare_capacity(&issuer, capacity)
		}

		/// The primitive: consume `inputs` (held by the signer, coins of `issuer`), create
		/// `outputs`, add `time` (issuer only), and optionally exercise `interval` = `(begin,
		/// end)` of the issuer's time, which books an appointment.
		///
		/// `sum(outputs) + (end - begin) == sum(inputs) + time`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::pour(inputs.len() as u32, outputs.len() as u32)
			.max(T::WeightInfo::exercise(inputs.len() as u32, T::MaxOpenAppointments::get())))]
		pub fn pour(
			origin: OriginFor<T>,
			issuer: T::AccountId,
			inputs: Inputs<T::MaxInputs>,
			outputs: Outputs<T::AccountId, T::MaxOutputs>,
			time: Seconds,
			interval: Option<(Seconds, Seconds)>,
		) -> DispatchResult {
			let pourer = ensure_signed(origin)?;
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
				.ok_or(Error::<T>::Overflow)?;
			Self::do_pour(&issuer, &issuer, &[], &outputs, time, None, 0).map(|_| ())
		}

		/// Transfer: give `amount` seconds of the input coins to `to`; the rest comes back to
		/// the signer as change. Seed example: inputs 10 + 80, amount 85 → 85 to `to`, 5 back.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::transfer(inputs.len() as u32))]
		pub fn transfer(
			origin: OriginFor<T>,
			inputs: Inputs<T::MaxInputs>,
			to: T::AccountId,
			amount: Seconds,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_transfer(&holder, &inputs, to, amount)
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

		/// The issuer cancels an appointment; the holder gets its seconds back as a new coin.
		/// Not possible once the holder reported a no-show.
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

		/// The issuer contests a no-show report within `AnswerWindow`; the appointment then
		/// settles as kept and the dispute is counted on the issuer's record.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::answer_no_show(T::MaxOpenAppointments::get()))]
		pub fn answer_no_show(origin: OriginFor<T>, id: AppointmentId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_answer_no_show(&who, id)
		}

		/// Anyone closes a due appointment: unconfirmed after `end + ObjectionWindow` → kept;
		/// contested → kept; reported and unanswered after `AnswerWindow` → refunded, no-show.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::settle(T::MaxOpenAppointments::get()))]
		pub fn settle(origin: OriginFor<T>, id: AppointmentId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(id)
		}
	}
}
