//! The server's secret key, and the access codes derived from it.
//!
//! An access code is HMAC-SHA256(key, application id), shown as 16 characters of Crockford's
//! base 32 (80 bits). Nothing secret is stored next to the application: the server recomputes
//! the code to check it, and a retried submission gets the same code back. The key comes from
//! `IPL_SECRET_KEY` (hex) or is made once, at random, in `<data dir>/secret.key`.

use std::{fs, io, path::Path};

use hmac::{Hmac, Mac};
use sha2::Sha256;

const KEY_BYTES: usize = 32;
const CODE_CHARS: usize = 16;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Clone)]
pub struct SecretKey([u8; KEY_BYTES]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    /// The key from `hex` (64 hex digits) if given, else from the key file, made if missing.
    pub fn load_or_create(hex: Option<&str>, data_dir: &Path) -> io::Result<Self> {
        if let Some(hex) = hex {
            return Self::from_hex(hex.trim())
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "IPL_SECRET_KEY must be 64 hex digits"));
        }
        let path = data_dir.join("secret.key");
        if let Ok(text) = fs::read_to_string(&path) {
            return Self::from_hex(text.trim())
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "the secret.key file is damaged"));
        }
        let mut bytes = [0u8; KEY_BYTES];
        getrandom::getrandom(&mut bytes).map_err(io::Error::other)?;
        fs::create_dir_all(data_dir)?;
        let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
        fs::write(&path, hex)?;
        Ok(Self(bytes))
    }

    fn from_hex(hex: &str) -> Option<Self> {
        if hex.len() != KEY_BYTES * 2 {
            return None;
        }
        let mut bytes = [0u8; KEY_BYTES];
        for (index, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(hex.get(index * 2..index * 2 + 2)?, 16).ok()?;
        }
        Some(Self(bytes))
    }

    fn mac(&self, id: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(b"access-code:");
        mac.update(id.as_bytes());
        mac
    }

    /// The access code of application `id`, grouped for reading: `7K3M-9QXD-2B4N-HT6R`.
    pub fn access_code(&self, id: &str) -> String {
        let digest = self.mac(id).finalize().into_bytes();
        let plain = base32(&digest[..10]);
        plain
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Whether `typed` is the access code of `id`, forgiving case, spaces, dashes and the
    /// letters people confuse with digits (O/0, I/L/1); compared in constant time.
    pub fn verify(&self, id: &str, typed: &str) -> bool {
        let typed: String = typed
            .chars()
            .filter(|letter| letter.is_ascii_alphanumeric())
            .map(|letter| match letter.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            })
            .collect();
        let expected: String = self.access_code(id).chars().filter(|letter| *letter != '-').collect();
        typed.len() == CODE_CHARS
            && typed.bytes().zip(expected.bytes()).fold(0u8, |difference, (a, b)| difference | (a ^ b)) == 0
    }
}

fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(*byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretKey {
        SecretKey::from_hex(&"ab".repeat(32)).expect("valid hex")
    }

    #[test]
    fn a_code_is_stable_for_an_id_and_different_for_another() {
        let code = key().access_code("0b6f1f0e-1111-4222-8333-944445555666");
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code, key().access_code("0b6f1f0e-1111-4222-8333-944445555666"));
        assert_ne!(code, key().access_code("0b6f1f0e-1111-4222-8333-944445555667"));
    }

    #[test]
    fn verification_forgives_layout_but_not_a_wrong_character() {
        let id = "0b6f1f0e-1111-4222-8333-944445555666";
        let code = key().access_code(id);
        assert!(key().verify(id, &code));
        assert!(key().verify(id, &code.to_lowercase().replace('-', " ")));
        let mut wrong = code.clone().into_bytes();
        wrong[0] = if wrong[0] == b'A' { b'B' } else { b'A' };
        assert!(!key().verify(id, &String::from_utf8(wrong).expect("ascii")));
        assert!(!key().verify(id, ""));
    }

    #[test]
    fn another_key_gives_another_code() {
        let other = SecretKey::from_hex(&"cd".repeat(32)).expect("valid hex");
        assert_ne!(key().access_code("x"), other.access_code("x"));
    }
}
