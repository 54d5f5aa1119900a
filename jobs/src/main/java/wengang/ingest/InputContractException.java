package wengang.ingest;

/**
 * The input folder breaks the contract in a way no rejects row can hold: a required
 * file or column is missing, or a CSV file is not in the given encoding. Raised before
 * anything is written.
 */
public final class InputContractException extends RuntimeException {
    public InputContractException(String message) {
        super(message);
    }
}
