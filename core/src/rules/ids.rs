//! Identifier checks as pure functions: PAN, GSTIN (mod-36 check character), IEC, AD code,
//! IFSC, invoice number, HS code, UPU S10 tracking number. The rules call these; so can you.

use crate::data::{iec, states};

/// Holder-type letters in the 4th position of a PAN: python-stdnum's list plus `E`, which the
/// Income Tax Department gives limited liability partnerships (domain reference §14.1).
const PAN_HOLDER_TYPES: &[u8] = b"ABCEFGHJLPTK";

/// Why a PAN is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanError {
    /// Not 5 letters, 4 digits, 1 letter.
    Shape,
    /// Serial digits are 0000.
    ZeroSerial,
    /// 4th character is not a known holder type.
    HolderType,
}

/// Checks a PAN (`AAPPV8261K`). The 10th character's algorithm is unpublished and not checked.
pub fn check_pan(pan: &str) -> Result<(), PanError> {
    let b = pan.as_bytes();
    let shape = b.len() == 10
        && b[0..5].iter().all(u8::is_ascii_uppercase)
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9].is_ascii_uppercase();
    if !shape {
        return Err(PanError::Shape);
    }
    if &b[5..9] == b"0000" {
        return Err(PanError::ZeroSerial);
    }
    if !PAN_HOLDER_TYPES.contains(&b[3]) {
        return Err(PanError::HolderType);
    }
    Ok(())
}

/// Why a GSTIN is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GstinError {
    /// Not the normal-taxpayer pattern.
    Shape,
    /// Unknown or non-GSTIN state code.
    StateCode,
    /// The embedded PAN fails PAN checks.
    Pan(PanError),
    /// Wrong check character; holds the right one.
    Checksum(char),
}

const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn value36(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        _ => None,
    }
}

/// The Luhn mod-36 check character for the first 14 characters of a GSTIN.
pub fn gstin_check_char(first14: &str) -> Option<char> {
    let mut sum = 0u32;
    for (i, c) in first14.bytes().enumerate() {
        let weight = if i % 2 == 0 { 1 } else { 2 };
        let p = value36(c)? * weight;
        sum += p / 36 + p % 36;
    }
    let check = (36 - sum % 36) % 36;
    Some(char::from(ALPHABET[check as usize]))
}

/// Checks a normal-taxpayer GSTIN (`27AAPFU0939F1ZV`): pattern, state code, embedded PAN, check character.
/// The 14th character is allowed to be any value GSTN's regex admits; see [`gstin_14th_is_z`].
pub fn check_gstin(gstin: &str) -> Result<(), GstinError> {
    let b = gstin.as_bytes();
    if b.len() != 15 || !b.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) {
        return Err(GstinError::Shape);
    }
    let shape = b[0..2].iter().all(u8::is_ascii_digit)
        && b[2..7].iter().all(u8::is_ascii_uppercase)
        && b[7..11].iter().all(u8::is_ascii_digit)
        && b[11].is_ascii_uppercase()
        && (b[12] != b'0')
        && (b[13] == b'Z'
            || (b'1'..=b'9').contains(&b[13])
            || matches!(b[13], b'A' | b'B' | b'D'..=b'J'));
    if !shape {
        return Err(GstinError::Shape);
    }
    match states::state(&gstin[0..2]) {
        Some(st) if st.gstin_prefix => {}
        _ => return Err(GstinError::StateCode),
    }
    check_pan(&gstin[2..12]).map_err(GstinError::Pan)?;
    let want = gstin_check_char(&gstin[0..14]).ok_or(GstinError::Shape)?;
    if char::from(b[14]) != want {
        return Err(GstinError::Checksum(want));
    }
    Ok(())
}

/// Whether a GSTIN's 14th character is the default `Z`.
pub fn gstin_14th_is_z(gstin: &str) -> bool {
    gstin.as_bytes().get(13) == Some(&b'Z')
}

/// Checks the GSTIN shape of a tax collector (e-commerce operator): 14th character `C`.
pub fn is_tcs_gstin(gstin: &str) -> bool {
    let b = gstin.as_bytes();
    b.len() == 15
        && b.iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && b[13] == b'C'
        && check_pan(&gstin[2..12]).is_ok()
        && gstin_check_char(&gstin[0..14]) == Some(char::from(b[14]))
}

/// What kind of IEC a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IecKind {
    /// PAN-form IEC (the usual case since 2017).
    Pan,
    /// One of DGFT's permanent IECs for exempt categories.
    Permanent,
    /// Pre-2017 ten-digit number.
    Legacy,
}

/// Classifies an IEC; `None` when it is none of the accepted forms.
pub fn iec_kind(code: &str) -> Option<IecKind> {
    if iec::permanent_iec(code).is_some() {
        Some(IecKind::Permanent)
    } else if check_pan(code).is_ok() {
        Some(IecKind::Pan)
    } else if code.len() == 10 && code.bytes().all(|c| c.is_ascii_digit()) {
        Some(IecKind::Legacy)
    } else {
        None
    }
}

/// AD code: 14 digits.
pub fn is_ad_code(code: &str) -> bool {
    code.len() == 14 && code.bytes().all(|c| c.is_ascii_digit())
}

/// IFSC: 4 letters, `0`, 6 letters or digits.
pub fn is_ifsc(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 11
        && b[0..4].iter().all(u8::is_ascii_uppercase)
        && b[4] == b'0'
        && b[5..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Invoice number per Rule 46(b) and the IRP schema: 1–16 characters of letters, digits,
/// `-` and `/`, starting with a letter or a digit other than `0`.
pub fn is_invoice_number(n: &str) -> bool {
    let b = n.as_bytes();
    !b.is_empty()
        && b.len() <= crate::data::gst::INVOICE_NUMBER_MAX
        && (b[0].is_ascii_alphabetic() || (b'1'..=b'9').contains(&b[0]))
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'/')
}

/// HS code: digits only, 4 to 8 digits in an even count (4, 6, 8), not all zeros.
pub fn is_hs_code(code: &str) -> bool {
    matches!(code.len(), 4 | 6 | 8)
        && code.bytes().all(|c| c.is_ascii_digit())
        && code.bytes().any(|c| c != b'0')
}

/// Why a tracking number is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S10Error {
    /// Not 2 letters + 9 digits + 2 letters.
    Shape,
    /// Wrong check digit; holds the right one.
    CheckDigit(u8),
}

/// The S10 check digit of the 8 serial digits.
pub fn s10_check_digit(serial: &[u8; 8]) -> u8 {
    const WEIGHTS: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = serial.iter().zip(WEIGHTS).map(|(d, w)| u32::from(*d) * w).sum();
    match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        n => n as u8,
    }
}

/// Checks a UPU S10 item identifier (`EE123456785IN`).
pub fn check_s10(id: &str) -> Result<(), S10Error> {
    let b = id.as_bytes();
    let shape = b.len() == 13
        && b[0..2].iter().all(u8::is_ascii_uppercase)
        && b[2..11].iter().all(u8::is_ascii_digit)
        && b[11..13].iter().all(u8::is_ascii_uppercase);
    if !shape {
        return Err(S10Error::Shape);
    }
    let mut serial = [0u8; 8];
    for (d, c) in serial.iter_mut().zip(&b[2..10]) {
        *d = c - b'0';
    }
    let want = s10_check_digit(&serial);
    if b[10] - b'0' != want {
        return Err(S10Error::CheckDigit(want));
    }
    Ok(())
}

/// Whether `g` has the shape of a GSTIN of any registration type (15 capital letters and digits).
pub(crate) fn gstin_shape_ok_for_operator(g: &str) -> bool {
    g.len() == 15 && g.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}
