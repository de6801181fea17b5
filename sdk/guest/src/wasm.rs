//! The WebAssembly-only half of the guest SDK: the shared bindings,
//! conversions, host imports, allocator and panic handler. The stage worlds
//! built on them are in [`crate::stages`].

use alloc::string::String;
use alloc::vec::Vec;

/// Bindings of the `sdk` world: the shared `types` interface and the `host`
/// imports. The stage worlds of [`crate::stages`] map both interfaces here
/// with `with`, so every stage shares these types and their conversions.
#[allow(missing_docs, unreachable_pub, clippy::all)]
pub mod bindings {
    wit_bindgen::generate!({
        world: "sdk",
        path: "wit",
        // The shared types cross into guideline logic by value; no extra derives needed.
    });
}

use bindings::wegwijs::jgz::host as host_api;
use bindings::wegwijs::jgz::types as b;
use wegwijs_types as m;

// Guests run single-threaded in a fresh instance per call, and the whole
// memory is dropped with the instance after every stage call: nothing needs
// freeing, so the default allocator only bumps a pointer (see `bump`). A
// guest that frees and reallocates a lot in one call (the hostile test
// guest padding lists to 100 000 items) takes dlmalloc instead.
#[cfg(not(feature = "dlmalloc"))]
#[global_allocator]
static ALLOCATOR: bump::Bump = bump::Bump;

#[cfg(feature = "dlmalloc")]
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

/// A one-shot allocator: memory is handed out from the end of linear
/// memory upwards and never reused, because the instance is discarded after
/// one call. `dealloc` does nothing; `realloc` of the most recent block
/// grows it in place, which is what a growing `Vec` or `String` does.
/// Compared with dlmalloc this removes the free-list work, and the chunked
/// `memory.grow` means a handful of grows per call instead of dozens.
#[cfg(not(feature = "dlmalloc"))]
mod bump {
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::Cell;
    use core::ptr;

    const PAGE: usize = 64 * 1024;
    /// Pages asked for at least per `memory.grow` (4 MiB): a stage call
    /// allocates some hundreds of KiB, so it grows once at most, and pages
    /// it does not touch cost nothing. Measured: 16 pages left two threads
    /// at 1.6 times one thread's decisions per second, 64 pages at 1.9.
    const CHUNK_PAGES: usize = 64;

    /// The region handed out so far: `[start of last block, next, end)`.
    struct State {
        last: Cell<usize>,
        next: Cell<usize>,
        end: Cell<usize>,
    }

    // SAFETY (Sync): a component instance runs on one thread and is never
    // re-entered while it allocates.
    unsafe impl Sync for State {}

    static STATE: State = State { last: Cell::new(0), next: Cell::new(0), end: Cell::new(0) };

    /// The global allocator.
    pub(crate) struct Bump;

    impl Bump {
        /// Makes room for `size` bytes at `align`, growing memory when needed.
        fn take(size: usize, align: usize) -> *mut u8 {
            let s = &STATE;
            let start = match s.next.get().checked_add(align - 1) {
                Some(v) => v & !(align - 1),
                None => return ptr::null_mut(),
            };
            let Some(end) = start.checked_add(size) else { return ptr::null_mut() };
            if s.next.get() == 0 {
                // First use: the rest of the memory the module starts with,
                // above its data and stack, before any `memory.grow`.
                unsafe extern "C" {
                    static __heap_base: u8;
                }
                let heap_base = (&raw const __heap_base) as usize;
                let size_now = core::arch::wasm32::memory_size(0) * PAGE;
                s.next.set(heap_base);
                s.end.set(size_now.max(heap_base));
                return Self::take(size, align);
            }
            if end > s.end.get() {
                // Each grow is a system call in the host (and a TLB flush
                // when the slot is reset): few, in large steps.
                let needed = size.div_ceil(PAGE) + 1;
                let mut pages = needed.max(CHUNK_PAGES);
                let mut old = core::arch::wasm32::memory_grow(0, pages);
                if old == usize::MAX && pages > needed {
                    // A small memory limit: ask for only what this needs.
                    pages = needed;
                    old = core::arch::wasm32::memory_grow(0, pages);
                }
                if old == usize::MAX {
                    return ptr::null_mut();
                }
                let base = old * PAGE;
                if base != s.end.get() {
                    s.next.set(base);
                }
                s.end.set(base + pages * PAGE);
                return Self::take(size, align);
            }
            s.last.set(start);
            s.next.set(end);
            start as *mut u8
        }
    }

    // SAFETY: blocks are disjoint and never handed out twice: `next` only
    // moves up, and a block is only grown in place when it is the last one.
    unsafe impl GlobalAlloc for Bump {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            Self::take(layout.size(), layout.align())
        }

        unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}

        unsafe fn realloc(&self, old: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let s = &STATE;
            let at = old as usize;
            if at == s.last.get() && at + new_size <= s.end.get() {
                s.next.set(at + new_size);
                return old;
            }
            let new = Self::take(new_size, layout.align());
            if !new.is_null() {
                // SAFETY: both blocks are valid for the smaller size and do
                // not overlap (the new one lies above every earlier block).
                unsafe { ptr::copy_nonoverlapping(old, new, layout.size().min(new_size)) };
            }
            new
        }
    }
}

// A panic in a guest becomes a trap; the host turns the trap into a typed
// fault and keeps the reference result (G-NO-DROP).
#[panic_handler]
fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The canonical ABI's allocation entry point. On `wasm32-wasip2` it normally
/// comes from wasi-libc, which a `no_std` guest does not link, so the SDK
/// exports it here, backed by the global allocator above.
///
/// # Safety
///
/// Called only by the canonical ABI glue with arguments it derived itself.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cabi_realloc(old_ptr: *mut u8, old_len: usize, align: usize, new_len: usize) -> *mut u8 {
    use alloc::alloc::{Layout, alloc, handle_alloc_error, realloc};

    if new_len == 0 {
        // A zero-sized allocation needs no memory, only a well-aligned,
        // non-null address.
        return align as *mut u8;
    }
    let Ok(new_layout) = Layout::from_size_align(new_len, align) else { core::arch::wasm32::unreachable() };
    let ptr = if old_len == 0 {
        // SAFETY: `new_layout` has a non-zero size.
        unsafe { alloc(new_layout) }
    } else {
        let Ok(old_layout) = Layout::from_size_align(old_len, align) else { core::arch::wasm32::unreachable() };
        // SAFETY: the caller passes back a pointer this function returned
        // with the same alignment and the length it asked for then.
        unsafe { realloc(old_ptr, old_layout, new_len) }
    };
    if ptr.is_null() {
        handle_alloc_error(new_layout);
    }
    ptr
}

/// Byte comparison for the code the compiler generates (string and slice
/// equality). On `wasm32-wasip2` it normally comes from wasi-libc; memory
/// copies and fills need no such help, as they lower to bulk-memory
/// instructions.
///
/// # Safety
///
/// `a` and `b` must be valid for reads of `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i < n {
        // SAFETY: the caller guarantees both ranges are readable.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

/// Equality-only byte comparison, which the compiler may emit instead of
/// [`memcmp`].
///
/// # Safety
///
/// As for [`memcmp`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: same contract.
    unsafe { memcmp(a, b, n) }
}

/// The region configuration, read through the host's `config` import.
#[derive(Debug, Clone, Copy, Default)]
pub struct HostConfig;

impl m::RegionConfig for HostConfig {
    fn get(&self, key: &str) -> Option<String> {
        host_api::config(key)
    }

    fn language(&self) -> m::Language {
        // An unknown tag cannot come from this host; Dutch is what every
        // reader of a wegwijs host gets unless they asked otherwise.
        m::Language::from_tag(&host_api::language()).unwrap_or_default()
    }
}

/// Writes an informational record to the host's structured log.
pub fn log_info(message: &str) {
    host_api::log(host_api::LogLevel::Info, message);
}

/// Conversion between the generated bindings and the plain model types.
/// A local trait rather than `From`, because the orphan rule forbids
/// `From<Vec<A>> for Vec<B>` and both sides are foreign to component crates.
pub trait Convert<T> {
    /// Converts `self` into `T`.
    fn convert(self) -> T;
}

impl<A: Convert<B>, B> Convert<Vec<B>> for Vec<A> {
    fn convert(self) -> Vec<B> {
        self.into_iter().map(Convert::convert).collect()
    }
}

impl<A: Convert<B>, B> Convert<Option<B>> for Option<A> {
    fn convert(self) -> Option<B> {
        self.map(Convert::convert)
    }
}

macro_rules! identity {
    ($($t:ty),*) => {
        $(impl Convert<$t> for $t {
            fn convert(self) -> $t {
                self
            }
        })*
    };
}
identity!(String, bool, u8, u16, u32);

/// Converts between a generated enum and its model twin, both directions.
/// Listing the cases makes a WIT change that is not mirrored in the model a
/// compile error here.
macro_rules! enums {
    ($($name:ident { $($case:ident),+ $(,)? })*) => {
        $(
            impl Convert<m::$name> for b::$name {
                fn convert(self) -> m::$name {
                    match self { $(b::$name::$case => m::$name::$case,)+ }
                }
            }
            impl Convert<b::$name> for m::$name {
                fn convert(self) -> b::$name {
                    match self { $(m::$name::$case => b::$name::$case,)+ }
                }
            }
        )*
    };
}

/// Converts between a generated record and its model twin, both directions.
macro_rules! records {
    ($($name:ident { $($field:ident),+ $(,)? })*) => {
        $(
            impl Convert<m::$name> for b::$name {
                fn convert(self) -> m::$name {
                    m::$name { $($field: self.$field.convert(),)+ }
                }
            }
            impl Convert<b::$name> for m::$name {
                fn convert(self) -> b::$name {
                    b::$name { $($field: self.$field.convert(),)+ }
                }
            }
        )*
    };
}

enums! {
    SdqVersion { ParentTwoToFour, ParentFourToSeventeen, TeacherFourToSeventeen, SelfElevenToSeventeen }
    SparkRisk { Laag, Verhoogd, Hoog }
    GizConclusion { Bevestiging, Advies, ZorgNu, IntensieveZorg }
    ScoredInstrument { Dmo, Bitsea, Kivpa }
    Band { Normal, Borderline, Abnormal }
    Impact { None, ALittle, Quite, ALot }
    Duration { UnderOneMonth, OneToFiveMonths, SixToTwelveMonths, OverOneYear }
    Party { Parents, Youth, ReferredParent }
    Handler { Jeugdarts, Jeugdverpleegkundige, VerpleegkundigSpecialist }
    SourceKind {
        Parent, Youth, Jeugdarts, Jeugdverpleegkundige, VerpleegkundigSpecialist, Kinderopvang,
        Peuterspeelzaal, Leerkracht, InternBegeleider, Mentor, Zorgcoordinator, Huisarts, PohJeugd,
        Verloskundige, Gynaecoloog, Kraamzorg, SociaalWijkteam, Jeugdhulp, VolwassenenGgz,
        Verslavingszorg, VeiligThuis, RaadKinderbescherming, Verwijsindex, MedischSpecialist, Other,
    }
    AgeBand { Prenatal, ZeroToTwo, TwoToFour, FourToTwelve, TwelveToSixteen, SixteenToEighteen, EighteenToTwentyThree }
    Domain { Psychosocial, ParentChild, Development, School, SubstanceUse, FamilyCircumstances, Safety, Medical }
    AcuteIndicator {
        LifeDanger, SeriousInjury, Strangulation, WeaponUse, SexualAbuseRepetition,
        ParentPsychiatricCrisis, ParentIntoxication, ParentSuicideThreat, ThreatToKill,
        HonourRevenge, ForcedMarriage, Fgm, HumanTrafficking,
    }
    IntakeOutcome { Accepted, Closed }
    Level { Unknown, None, Attention, Concern, High, Safety }
    Action { Reassess, A0, A1, A2, A3, S }
    RiskDomain { Child, ParentFamily, Environment }
    InstrumentKind { Sdq, Spark, Giz, Dmo, Bitsea, Kivpa }
    MeldcodeConclusion { Close, Assess, Help, Melding }
    Partner {
        JgzLightSupport, Jeugdarts, Wijkteam, Huisarts, PohJeugd, JeugdGgz, ImhConsultation,
        Kinderarts, Kinderopvang, PrimarySchool, SchoolMentor, SchoolZorgteam, Amw, ParentGgz,
        VeiligThuisAdvice, VeiligThuisMelding, Verwijsindex, GecertificeerdeInstelling,
    }
    RouteKind { Support, Information, Consultation, Referral, Advice, Melding, Coordination }
    Urgency { Immediate, WithinFiveWorkingDays, Soon, NextContact }
    Verwijzer { Gemeente, Huisarts, Jeugdarts, GecertificeerdeInstelling, MedischSpecialist, Zelfverwijzer, Onbekend, Rechter }
    Handover { None, Warm, Written }
    Purpose {
        DirectCare, MedicalReferral, Referral, Consultation, SchoolConsultation,
        VeiligThuisAdvice, VeiligThuisMelding, GiSupervision, Coordination, VerwijsindexSignal,
        ParentOwnCare,
    }
    DataCategory {
        ContactDetails, ConcernSummary, ScreeningResult, InstrumentScores, RiskFactors,
        SafetySignals, MedicalData, FamilyCircumstances,
    }
    UnusableReason { OutsideAgeRange, WrongVersion, Incomplete }
    ConsentOutcome { Permitted, NeedsConsent, AnonymousOnly, ProfessionalJudgement, Denied }
}

records! {
    Reason { rule, text }
    AgeSinceBirth { months, years }
    SourceCode { code, bds_code }
    SdqInput { version, answers }
    ScoredInput { instrument, band }
    KindcheckInput { children_ages, cares_alone }
    MeldcodeInput {
        suspicion, structural_unsafety, help_possible, help_accepted, help_effective,
        parents_told, telling_endangers,
    }
    ConsentRecord { party, recipient, given }
    ChildCase {
        pseudonym, gemeente, age, source, handler, concerns, safety_indicators,
        risk_factors, protective_factors, instruments, parents_concerned, youth_concerned, impact,
        duration, family_agrees_referral, family_declines_warm_handover, helpers_involved,
        gi_involved, kindcheck, meldcode, consents, youth_objects_to_informing_parents,
        parent_in_treatment,
    }
    Concern { code, domain }
    IntakeCard {
        outcome, source, bds_code, age_band, age_months, domains, concerns, safety_flag,
        acute_indicators, kindcheck_children, summary, warnings, reasons,
    }
    RiskFactor { code, domain, red }
    RiskCard { risk_factors, protective_factors, level, table }
    ScaleScore { score, band }
    SdqScores { version, emotional, conduct, hyperactivity, peer, prosocial, total, norms }
    InstrumentResult { instrument, valid, level, band, sdq, unusable }
    MeldcodeCard { conclusion, veilig_thuis_at_step_two, acute, next_step }
    ScreeningCard { level, action, child_action, risk_card, instruments, meldcode, summary, warnings, reasons }
    DisclosureRequest { recipient, purpose, data }
    Route {
        partner, kind, urgency, verwijzer, handover, local_name, conversation, disclosure, reasons,
    }
    RoutingCard { routes, one_plan, care_coordinator, urgency, summary, warnings, reasons }
    ConsentCard {
        request, outcome, legal_basis, consent_of, inform, permitted_data, checklist, reasons,
    }
}

impl Convert<m::ChildAge> for b::ChildAge {
    fn convert(self) -> m::ChildAge {
        match self {
            b::ChildAge::Prenatal(w) => m::ChildAge::Prenatal(w),
            b::ChildAge::Born(a) => m::ChildAge::Born(a.convert()),
            b::ChildAge::ReportedMonths(n) => m::ChildAge::ReportedMonths(n),
        }
    }
}

impl Convert<b::ChildAge> for m::ChildAge {
    fn convert(self) -> b::ChildAge {
        match self {
            m::ChildAge::Prenatal(w) => b::ChildAge::Prenatal(w),
            m::ChildAge::Born(a) => b::ChildAge::Born(a.convert()),
            m::ChildAge::ReportedMonths(n) => b::ChildAge::ReportedMonths(n),
        }
    }
}

impl Convert<m::InstrumentInput> for b::InstrumentInput {
    fn convert(self) -> m::InstrumentInput {
        match self {
            b::InstrumentInput::Sdq(x) => m::InstrumentInput::Sdq(x.convert()),
            b::InstrumentInput::Spark(x) => m::InstrumentInput::Spark(x.convert()),
            b::InstrumentInput::Giz(x) => m::InstrumentInput::Giz(x.convert()),
            b::InstrumentInput::Scored(x) => m::InstrumentInput::Scored(x.convert()),
        }
    }
}

impl Convert<b::InstrumentInput> for m::InstrumentInput {
    fn convert(self) -> b::InstrumentInput {
        match self {
            m::InstrumentInput::Sdq(x) => b::InstrumentInput::Sdq(x.convert()),
            m::InstrumentInput::Spark(x) => b::InstrumentInput::Spark(x.convert()),
            m::InstrumentInput::Giz(x) => b::InstrumentInput::Giz(x.convert()),
            m::InstrumentInput::Scored(x) => b::InstrumentInput::Scored(x.convert()),
        }
    }
}
